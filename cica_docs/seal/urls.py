from django.urls import path

from . import views

app_name = "seal"

urlpatterns = [
    path("", views.verify, name="verify"),
    path("<str:token>/", views.verify_address, name="address"),
]
