from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("unacknowledged/", views.unacknowledged, name="unacknowledged"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("documents/<int:pk>/pdf/<slug:variant>/", views.download, name="download"),
    path("documents/<int:pk>/preview/<slug:variant>/", views.preview, name="preview"),
    path("documents/<int:pk>/enclosures/<int:number>/", views.enclosure_download,
         name="enclosure"),
    path("documents/<int:pk>/enclosures/<int:number>/<slug:language>/",
         views.enclosure_download, name="enclosure"),
    path("documents/<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
]
