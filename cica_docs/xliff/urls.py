from django.urls import path

from . import views

app_name = "xliff"

urlpatterns = [
    path("<int:pk>/xliff/export/<slug:lang>/", views.export, name="export"),
    path("<int:pk>/xliff/import/", views.upload, name="import"),
]
