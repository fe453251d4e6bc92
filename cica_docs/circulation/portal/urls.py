from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("documents/<int:pk>/pdf/<slug:variant>/", views.download, name="download"),
    path("documents/<int:pk>/preview/<slug:variant>/", views.preview, name="preview"),
    path("documents/<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
]
