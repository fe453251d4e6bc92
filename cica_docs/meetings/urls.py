from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("add/", views.meeting_add, name="add"),
    path("<int:pk>/", views.meeting_edit, name="edit"),
    path("documents/<int:pk>/", views.document_meetings, name="document"),
]
