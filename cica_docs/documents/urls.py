from django.urls import path

from cica_docs.issuing import views as rendering_views

from . import views, views_files, views_history

app_name = "documents"

urlpatterns = [
    path("", views.worklist, name="worklist"),
    path("new/<slug:kind_key>/", views.create, name="create"),
    path("preview/<slug:kind_key>/", views.preview, name="preview"),
    path("files/", views_files.files, name="files"),
    path("files/<int:pk>/", views_files.file, name="file"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/history/", views_history.history, name="history"),
    path("<int:pk>/diff/", views_history.diff, name="diff"),
    path("<int:pk>/restore/", views_history.restore, name="restore"),
    path("<int:pk>/pdf/status/", rendering_views.status, name="pdf-status"),
    path("<int:pk>/pdf/retry/", rendering_views.retry, name="pdf-retry"),
    path("<int:pk>/pdf/<slug:variant>/", rendering_views.document_pdf, name="pdf"),
    path("<int:pk>/issue/", views.issue, name="issue"),
    path("<int:pk>/correct/", views.correct, name="correct"),
    path("<int:pk>/<slug:action>/", views.transition, name="transition"),
]
