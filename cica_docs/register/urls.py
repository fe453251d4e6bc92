from django.urls import path

from . import views

app_name = "register"

urlpatterns = [
    path("", views.register, name="register"),
    path("export/<slug:format>/", views.export, name="export"),
    path("print/", views.printable, name="print"),
    path("assign/<int:pk>/", views.assign, name="assign"),
]
