from django.urls import path

from . import views

app_name = "terms"

urlpatterns = [
    path("", views.term_list, name="list"),
    path("add/", views.term_add, name="add"),
    path("<int:pk>/", views.term_edit, name="edit"),
    path("found/", views.found, name="found"),
]
