"""/api/v1/: not language-prefixed. Every id segment accepts any text and answers 404 for
what is not a visible document, so a malformed id is a JSON 404 like any other."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.permissions import AllowAny

from . import (
    dispatch,
    documents,
    files,
    inbox,
    pdf,
    reference,
    register,
    verify,
    workbench,
    workflow,
)
from .errors import not_found
from .resources import published
from .schema import docs

app_name = "api"


def _resource_urls(resource):
    """The routes of one kind: /api/v1/<api_path>/…, each view given the kind."""
    p = resource.path

    def route(suffix, view, name, **initkwargs):
        return path(f"{p}/{suffix}", view.as_view(resource=resource, **initkwargs),
                    name=f"{p}-{name}")

    urls = [
        route("", documents.DocumentList, "list"),
        route("<str:pk>/", documents.DocumentDetail, "detail"),
        route("<str:pk>/revisions/", documents.RevisionList, "revisions"),
        route("<str:pk>/revisions/<str:number>/", documents.RevisionDetail, "revision"),
        route("<str:pk>/pdf/", pdf.LanguagePdf, "pdf"),
        route("<str:pk>/package/", pdf.PackagePdf, "package"),
        route("<str:pk>/issue/", workflow.IssueView, "issue"),
        route("<str:pk>/dispatch/", dispatch.DispatchView, "dispatch"),
        route("<str:pk>/receipts/", dispatch.ReceiptList, "receipts"),
        route("<str:pk>/correct/", workflow.CorrectView, "correct"),
        route("<str:pk>/sign-off/", workbench.SignOffView, "sign-off"),
        route("<str:pk>/check/", workbench.CheckView, "check"),
        route("<str:pk>/xliff/", workbench.XliffImport, "xliff-import"),
        route("<str:pk>/xliff/<str:lang>/", workbench.XliffExport, "xliff-export"),
    ]
    for action in workflow.ACTIONS:
        urls.append(route(f"<str:pk>/{action}/", workflow.TransitionView, action,
                          action_name=action))
    return urls


urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(
        authentication_classes=[], permission_classes=[AllowAny]), name="schema"),
    path("docs/", docs, name="docs"),
    path("verify/", verify.VerifyView.as_view(), name="verify"),
    path("series/", reference.SeriesList.as_view(), name="series-list"),
    path("series/<str:pk>/", reference.SeriesDetail.as_view(), name="series-detail"),
    path("addressees/", reference.AddresseeList.as_view(), name="addressee-list"),
    path("addressees/<str:pk>/", reference.AddresseeDetail.as_view(), name="addressee-detail"),
    path("member-states/", reference.MemberStateList.as_view(), name="member-states"),
    path("circulation-lists/", reference.CirculationLists.as_view(), name="circulation-lists"),
    path("files/", files.FileList.as_view(), name="file-list"),
    path("files/<str:pk>/", files.FileDetail.as_view(), name="file-detail"),
    path("files/<str:pk>/pdf/", files.FilePdf.as_view(), name="file-pdf"),
    path("register/", register.Register.as_view(), name="register"),
    path("inbox/", inbox.Inbox.as_view(), name="inbox"),
    path("inbox/<str:pk>/", inbox.InboxItem.as_view(), name="inbox-item"),
    path("inbox/<str:pk>/enclosures/<str:number>/", inbox.EnclosurePdf.as_view(),
         name="inbox-enclosure"),
    path("inbox/<str:pk>/acknowledge/", inbox.Acknowledge.as_view(), name="acknowledge"),
]
for _resource in published():
    urlpatterns += _resource_urls(_resource)
urlpatterns.append(re_path(r"^.*$", not_found))
