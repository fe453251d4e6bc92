from django.urls import path

from . import views

app_name = "workbench"

urlpatterns = [
    path("revisers/", views.revisers, name="revisers"),
    path("revisers/<int:pk>/remove/", views.reviser_remove, name="reviser-remove"),
    path("<int:pk>/", views.aligned, name="aligned"),
    path("<int:pk>/unpaired/", views.unpaired, name="unpaired"),
    path("<int:pk>/check/<slug:lang>/", views.check, name="check"),
    path("<int:pk>/sign-off/<slug:lang>/", views.sign_off, name="sign-off"),
]
