from django.urls import path

from . import views

app_name = "dispatch"

urlpatterns = [
    path("documents/<int:pk>/dispatch/", views.dispatch_create, name="create"),
    path("dispatches/<int:pk>/", views.dispatch_detail, name="detail"),
    path("dispatches/<int:pk>/receipts.csv", views.dispatch_csv, name="csv"),
    path("dispatches/<int:pk>/resend/", views.notices_resend, name="resend"),
]
