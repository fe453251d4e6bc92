"""Documents of every published kind: list, create, read, edit (PATCH with the revision it
edits), and their revisions. Each call goes to the platform's services."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, generics, serializers, status
from rest_framework.response import Response

from cica_docs.documents import access, services
from cica_docs.documents import content as content_mod
from cica_docs.documents.checks import run_checks
from cica_docs.documents.models import Document, IssuedRevision
from cica_docs.documents.status import translation_status, translation_statuses
from cica_docs.ids import id_or_404
from cica_docs.languages import language_codes
from cica_docs.workbench.gate import reviser_name
from cica_docs.workbench.signoffs import standings

from .access import SecretariatOnly
from .errors import Conflict, Invalid
from .fields import TRANSLATED_SCHEMA, FindingSerializer, TextField, findings_data, translated
from .resources import (
    Resource,
    blank_content,
    content_data,
    content_fields,
    merged_content,
    validated_content,
)

FROZEN = Document.FROZEN_STATES


def get_document(resource: Resource, pk) -> Document:
    """The kind's document `pk`, or 404 (also for ids of another kind)."""
    return access.get_document(pk, kind=resource.kind_key)


def document_data(resource: Resource, document) -> dict:
    live = document.state not in FROZEN
    return {
        "id": document.pk,
        "status": document.state,
        "number": document.number,
        "symbol": document.symbol,
        "date": document.issued_on.isoformat() if document.issued_on else None,
        "backdating_reason": _backdating_reason(document),
        "revision": document.revision_number,
        "corrects": document.corrects_id,
        **content_data(resource, content_mod.snapshot(document)),
        "translation_status": translation_status(document),
        "signoff": signoff_data(document),
        "checks": findings_data(run_checks(document)) if live else [],
        "created_at": serializers.DateTimeField().to_representation(document.created_at),
        "updated_at": serializers.DateTimeField().to_representation(document.updated_at),
    }


def _decision(signoff) -> dict | None:
    if signoff is None:
        return None
    return {"reviser": signoff.reviser.get_username(),
            "reviser_name": reviser_name(signoff.reviser),
            "at": serializers.DateTimeField().to_representation(signoff.at),
            "revision": signoff.revision_number}


def signoff_data(document) -> dict:
    """Whether the series waits for sign-off at issue, and each language's standing now
    (workbench/signoffs.py): the sign-off that holds, the last one a later change withdrew,
    and the revision the language was last checked against."""
    found = standings(document)
    return {
        "required": bool(document.series and document.series.signoff_required),
        "languages": {
            lang: {"signed_off": _decision(found[lang].signoff),
                   "withdrawn": _decision(found[lang].withdrawn),
                   "checked": found[lang].checked}
            for lang in language_codes() if lang in document.languages and lang in found
        },
    }


def _backdating_reason(document) -> str:
    if document.state not in FROZEN:
        return ""
    issued = IssuedRevision.objects.filter(document=document).values_list(
        "backdating_reason", flat=True).first()
    return issued or ""


class KindSerializer(serializers.Serializer):
    """A serializer whose fields depend on the kind: given as `resource=`, or read from the
    view (`KindView.resource`). The schema names its component after the kind."""

    def __init__(self, *args, resource: Resource | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._resource = resource

    @property
    def resource(self) -> Resource:
        return self._resource or self.context["view"].resource


class ContentSerializer(KindSerializer):
    """A kind's content fields, as written and as a revision holds them."""

    def get_fields(self):
        return content_fields(self.resource)


def _status_field():
    return serializers.DictField(
        child=serializers.ChoiceField(choices=["missing", "complete", "outdated"]),
        read_only=True, help_text="Per language: missing, complete or outdated.",
    )


class DocumentSummarySerializer(serializers.Serializer):
    """A document in a list: what tells it apart, in a constant number of queries per page.
    Its content, checks and date reasons are in the document's own response (GET …/<id>/)."""

    id = serializers.IntegerField()
    status = serializers.ChoiceField(source="state", choices=Document.State.choices)
    number = serializers.IntegerField(allow_null=True)
    symbol = serializers.CharField()
    date = serializers.DateField(source="issued_on", allow_null=True, help_text="Date of issue.")
    revision = serializers.IntegerField(source="revision_number")
    corrects = serializers.IntegerField(source="corrects_id", allow_null=True)
    series = serializers.CharField(source="series.code", allow_null=True)
    languages = serializers.ListField(child=serializers.CharField())
    title = serializers.SerializerMethodField()
    translation_status = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    @extend_schema_field(TRANSLATED_SCHEMA)
    def get_title(self, document) -> dict:
        return translated(document, "title")

    @extend_schema_field(_status_field())
    def get_translation_status(self, document) -> dict:
        return self.context["statuses"][document.pk]


class DecisionDataSerializer(serializers.Serializer):
    reviser = serializers.CharField(help_text="The reviser's username.")
    reviser_name = serializers.CharField()
    at = serializers.DateTimeField()
    revision = serializers.IntegerField(help_text="The revision signed off.")


class LanguageSignOffSerializer(serializers.Serializer):
    signed_off = DecisionDataSerializer(allow_null=True,
                                        help_text="The sign-off that holds now, if any.")
    withdrawn = DecisionDataSerializer(
        allow_null=True, help_text="The last sign-off, withdrawn by a later change of this "
                                   "language or of the source language.")
    checked = serializers.IntegerField(allow_null=True,
                                       help_text="The revision last checked or signed off.")


class SignOffStateSerializer(serializers.Serializer):
    required = serializers.BooleanField(
        help_text="The series is issued only when every language is signed off.")
    languages = serializers.DictField(child=LanguageSignOffSerializer())


def _read_only_fields() -> dict:
    return {
        "id": serializers.IntegerField(read_only=True),
        "status": serializers.ChoiceField(choices=Document.State.choices, read_only=True),
        "number": serializers.IntegerField(read_only=True, allow_null=True),
        "symbol": serializers.CharField(read_only=True),
        "date": serializers.DateField(read_only=True, allow_null=True,
                                      help_text="Date of issue."),
        "backdating_reason": serializers.CharField(
            read_only=True, help_text="Why the date of issue is before the day it was issued "
                                      "(empty when it is not)."),
        "corrects": serializers.IntegerField(
            read_only=True, allow_null=True,
            help_text="The id of the issued document this one corrects (POST …/correct/).",
        ),
        "translation_status": _status_field(),
        "signoff": SignOffStateSerializer(read_only=True),
        "checks": FindingSerializer(many=True, read_only=True),
        "created_at": serializers.DateTimeField(read_only=True),
        "updated_at": serializers.DateTimeField(read_only=True),
    }


class DocumentSerializer(KindSerializer):
    """A document of the kind: what it reads, and what a POST or PATCH may write."""

    def get_fields(self):
        return {
            **_read_only_fields(),
            "revision": serializers.IntegerField(
                min_value=0, required=False,
                help_text="The current revision. A PATCH must send the revision it edits.",
            ),
            **content_fields(self.resource),
            "comment": TextField(write_only=True, required=False, allow_blank=True,
                                 max_length=500,
                                 help_text="What changed (kept with the revision)."),
        }

    def to_representation(self, instance):
        return document_data(self.resource, instance)


class KindView(generics.GenericAPIView):
    """A view of one kind's documents: `as_view(resource=Resource(kind))`."""

    resource: Resource = None
    # The codes answered with the document (DocumentSerializer), for the schema.
    document_responses: tuple = ()


def _payload(request, view, *, allowed: set[str]) -> dict:
    if not isinstance(request.data, dict):
        raise Invalid({}, detail=Invalid.default_detail)
    unknown = sorted(set(request.data) - allowed)
    if unknown:
        raise Invalid({name[:60]: [str(_read_only_message())] for name in unknown})
    serializer = view.get_serializer(data=request.data, partial=True)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class MergeConflict(Conflict):
    """409 for an edit of an older revision that changes what the newest revision changed
    too: the conflicting fields are named (`errors`, `conflicts` with the three versions)
    and nothing is saved. Changes to other fields are merged and saved (200)."""

    def __init__(self, error):
        super().__init__(error.message)
        conflicts = error.merge.conflicts if error.merge is not None else []
        message = str(_both_changed_message())
        self.extra = {
            "revision": error.latest.number if error.latest is not None else None,
            "errors": {piece.api_name: [message] for piece in conflicts},
            "conflicts": [{"field": piece.api_name, "base": piece.base, "theirs": piece.theirs,
                           "yours": piece.yours} for piece in conflicts],
        }


def _both_changed_message():
    from django.utils.translation import gettext as _

    return _("Changed in the newest revision too: send the version to keep with that "
             "revision's number.")


def _read_only_message():
    from django.utils.translation import gettext as _

    return _("This field is unknown or cannot be set.")


class DocumentList(generics.ListCreateAPIView, KindView):
    permission_classes = [SecretariatOnly]
    write_permission = "accounts.draft_documents"
    serializer_class = DocumentSerializer

    def get_queryset(self):
        # The summaries are the platform's columns: read from documents_document alone (the
        # kind's table joined in made the page and its count a join of 100,000 rows with
        # 100,000: ~250 ms); `translation_statuses` reads the kind's texts for the page.
        documents = Document.objects.filter(kind=self.resource.kind_key).select_related("series")
        state = self.request.query_params.get("status", "")
        if state in Document.State.values:
            documents = documents.filter(state=state)
        else:  # discarded drafts only when asked for (?status=discarded)
            documents = documents.exclude(state=Document.State.DISCARDED)
        return documents.order_by("-updated_at", "-pk")

    @extend_schema(responses=DocumentSummarySerializer(many=True))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        summaries = DocumentSummarySerializer(
            page, many=True, context={"statuses": translation_statuses(page)})
        return self.get_paginated_response(summaries.data)

    def create(self, request, *args, **kwargs):
        writable = {name for name, f in self.get_serializer().fields.items() if not f.read_only}
        data = _payload(request, self, allowed=writable - {"revision"})
        content = validated_content(
            self.resource, content=merged_content(self.resource, blank_content(self.resource),
                                                  data),
        )
        try:
            document = services.document_create(
                kind=self.resource.kind, author=request.user, content=content,
                comment=data.get("comment", ""),
            )
        except services.NotPermitted as error:
            raise exceptions.PermissionDenied(error.message) from None
        except services.DocumentError as error:
            raise Invalid({}, detail=error.message) from None
        return Response(document_data(self.resource, document.specific),
                        status=status.HTTP_201_CREATED)


class DocumentDetail(KindView):
    permission_classes = [SecretariatOnly]
    write_permission = "accounts.draft_documents"
    serializer_class = DocumentSerializer
    extra_error_codes = ("409",)

    def get(self, request, pk):
        return Response(document_data(self.resource, get_document(self.resource, pk)))

    def patch(self, request, pk):
        document = get_document(self.resource, pk)
        writable = {name for name, f in self.get_serializer().fields.items() if not f.read_only}
        data = _payload(request, self, allowed=writable)
        if "revision" not in data:
            raise Invalid({"revision": [str(serializers.Field.default_error_messages
                                            ["required"])]})
        # The PATCH's fields are laid over the revision it edits (not the newest): what it
        # does not send is what that revision held, so a three-way merge sees only its changes.
        started = document.revisions.filter(number=data["revision"]).first()
        base = started.content if started is not None else content_mod.snapshot(document)
        content = validated_content(
            self.resource, content=merged_content(self.resource, base, data), document=document,
        )
        try:
            services.revision_create(
                document=document, author=request.user, content=content,
                base_revision=data["revision"], comment=data.get("comment", ""), merge=True,
            )
        except services.StaleRevision as error:
            raise MergeConflict(error) from None
        except services.NotPermitted as error:
            raise exceptions.PermissionDenied(error.message) from None
        except services.TransitionNotAllowed as error:
            raise Conflict(error.message) from None
        except services.DocumentError as error:
            raise Invalid({}, detail=error.message) from None
        return Response(document_data(self.resource, get_document(self.resource, pk)))


class RevisionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    author = serializers.CharField()
    created_at = serializers.DateTimeField()
    comment = serializers.CharField(allow_blank=True)
    changed_languages = serializers.ListField(child=serializers.CharField())
    restored_from = serializers.IntegerField(allow_null=True)

    def to_representation(self, revision):
        return {
            "number": revision.number,
            "author": revision.author.get_username(),
            "created_at": serializers.DateTimeField().to_representation(revision.created_at),
            "comment": revision.comment,
            "changed_languages": [c for c in language_codes()
                                  if c in revision.changed_languages],
            "restored_from": revision.restored_from,
        }


class RevisionList(generics.ListAPIView, KindView):
    permission_classes = [SecretariatOnly]
    serializer_class = RevisionSerializer

    def get_queryset(self):
        document = get_document(self.resource, self.kwargs["pk"])
        return document.revisions.select_related("author").order_by("-number")


class RevisionContentSerializer(RevisionSerializer, KindSerializer):
    """A revision with the content it holds, in the kind's fields."""

    def get_fields(self):
        return {**super().get_fields(), "content": ContentSerializer(resource=self.resource,
                                                                     read_only=True)}


class RevisionDetail(KindView):
    permission_classes = [SecretariatOnly]
    serializer_class = RevisionContentSerializer

    @extend_schema(parameters=[OpenApiParameter("number", str, OpenApiParameter.PATH)])
    def get(self, request, pk, number):
        document = get_document(self.resource, pk)
        revision = document.revisions.filter(number=id_or_404(number)).first()
        if revision is None:
            raise Http404
        return Response({
            **RevisionSerializer(revision).data,
            "content": content_data(self.resource, revision.content),
        })
