"""/api/v1/: not language-prefixed. Every id segment accepts any text and answers 404 for
what is not a visible document, so a malformed id is a JSON 404 like any other."""

from django.urls import path, re_path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.permissions import AllowAny

from . import dispatch, documents, files, inbox, pdf, reference, workflow
from .errors import not_found
from .resources import published
from .schema import docs

app_name = "api"


def _view(base, resource, name, **attrs):
    cls = type(f"{resource.component}{name}", (base,), {"resource": resource, **attrs})
    return cls.as_view()


def _resource_urls(resource):
    document_serializer, content_serializer = documents.build_serializers(resource)
    revision_serializer = type(
        f"{resource.component}RevisionSerializer", (documents.RevisionSerializer,),
        {"content": content_serializer(read_only=True)},
    )
    p = resource.path
    tag = {"tags": [p]}
    urls = [
        path(f"{p}/", _view(extend_schema(**tag)(documents.DocumentList), resource, "List",
                            serializer_class=document_serializer), name=f"{p}-list"),
        path(f"{p}/<str:pk>/", _view(extend_schema(**tag)(documents.DocumentDetail), resource,
                                     "Detail", serializer_class=document_serializer),
             name=f"{p}-detail"),
        path(f"{p}/<str:pk>/revisions/",
             _view(extend_schema(**tag)(documents.RevisionList), resource, "Revisions"),
             name=f"{p}-revisions"),
        path(f"{p}/<str:pk>/revisions/<str:number>/",
             _view(extend_schema(**tag, responses=revision_serializer)(documents.RevisionDetail),
                   resource, "Revision", serializer_class=revision_serializer),
             name=f"{p}-revision"),
        path(f"{p}/<str:pk>/pdf/", _view(extend_schema(**tag)(pdf.LanguagePdf), resource,
                                         "Pdf"), name=f"{p}-pdf"),
        path(f"{p}/<str:pk>/package/", _view(extend_schema(**tag)(pdf.PackagePdf), resource,
                                             "Package"), name=f"{p}-package"),
        path(f"{p}/<str:pk>/issue/",
             _view(extend_schema(**tag, responses=document_serializer)(workflow.IssueView),
                   resource, "Issue"), name=f"{p}-issue"),
    ]
    urls += [
        path(f"{p}/<str:pk>/dispatch/",
             _view(extend_schema(**tag)(dispatch.DispatchView), resource, "Dispatch"),
             name=f"{p}-dispatch"),
        path(f"{p}/<str:pk>/receipts/",
             _view(extend_schema(**tag)(dispatch.ReceiptList), resource, "Receipts"),
             name=f"{p}-receipts"),
    ]
    urls.append(path(
        f"{p}/<str:pk>/correct/",
        _view(extend_schema(**tag, request=None,
                            responses={200: document_serializer, 201: document_serializer})(
            workflow.CorrectView), resource, "Correct"),
        name=f"{p}-correct",
    ))
    for action in workflow.ACTIONS:
        view = extend_schema(**tag, responses=document_serializer)(workflow.TransitionView)
        urls.append(path(f"{p}/<str:pk>/{action}/",
                         _view(view, resource, action.title(), action_name=action),
                         name=f"{p}-{action}"))
    return urls


urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(
        authentication_classes=[], permission_classes=[AllowAny]), name="schema"),
    path("docs/", docs, name="docs"),
    path("series/", reference.SeriesList.as_view(), name="series-list"),
    path("series/<str:pk>/", reference.SeriesDetail.as_view(), name="series-detail"),
    path("addressees/", reference.AddresseeList.as_view(), name="addressee-list"),
    path("addressees/<str:pk>/", reference.AddresseeDetail.as_view(), name="addressee-detail"),
    path("member-states/", reference.MemberStateList.as_view(), name="member-states"),
    path("circulation-lists/", reference.CirculationLists.as_view(), name="circulation-lists"),
    path("files/", files.FileList.as_view(), name="file-list"),
    path("files/<str:pk>/", files.FileDetail.as_view(), name="file-detail"),
    path("files/<str:pk>/pdf/", files.FilePdf.as_view(), name="file-pdf"),
    path("inbox/", inbox.Inbox.as_view(), name="inbox"),
    path("inbox/<str:pk>/acknowledge/", inbox.Acknowledge.as_view(), name="acknowledge"),
]
for _resource in published():
    urlpatterns += _resource_urls(_resource)
urlpatterns.append(re_path(r"^.*$", not_found))
