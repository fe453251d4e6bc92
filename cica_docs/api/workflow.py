"""Workflow actions: submit, approve, return, withdraw and issue, through the platform's
services. The role a transition needs comes from the platform's transition table."""

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.response import Response

from cica_docs.documents import services
from cica_docs.documents.workflow import TRANSITIONS

from .access import SecretariatOnly, require, require_recent_password, require_two_factor
from .documents import KindView, document_data, get_document
from .errors import Conflict, Invalid
from .fields import TextField, findings_data


class ActionSerializer(serializers.Serializer):
    comment = TextField(required=False, allow_blank=True, max_length=2000,
                        help_text="Why (required to return or withdraw).")
    acknowledge_warnings = serializers.BooleanField(
        required=False, default=False,
        help_text="Go ahead although the checks found warnings (as the browser's checkbox).",
    )


class IssueSerializer(ActionSerializer):
    date = serializers.DateField(
        required=False, allow_null=True,
        help_text="Date of issue (default: today in Astana). Not after today, not before the "
                  "date of the previous number of the series.",
    )
    backdating_reason = TextField(
        required=False, allow_blank=True, max_length=500,
        help_text="Why the document is dated before today (required then); kept with the "
                  "register entry.",
    )


class ChecksFailed(Conflict):
    def __init__(self, error):
        super().__init__(error.message)
        self.extra = {"checks": findings_data(error.findings)}


class TransitionView(KindView):
    """POST /api/v1/<kind>/<id>/<action>/"""

    permission_classes = [SecretariatOnly]
    serializer_class = ActionSerializer
    action_name = ""
    extra_error_codes = ("409",)
    document_responses = (200,)

    def post(self, request, pk):
        document = get_document(self.resource, pk)
        transition = TRANSITIONS[self.action_name]
        if not isinstance(request.data, dict):
            raise Invalid({})
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        comment = data.get("comment", "")
        try:
            self.perform(document, request, data, comment)
        except services.NotPermitted as error:
            raise exceptions.PermissionDenied(error.message) from None
        except services.ChecksFailed as error:
            raise ChecksFailed(error) from None
        except services.TransitionNotAllowed as error:
            document.refresh_from_db(fields=["state"])
            if document.state in transition.sources and transition.needs_comment \
                    and not comment.strip():
                raise Invalid({"comment": [error.message]}) from None
            raise Conflict(error.message) from None
        except services.DocumentError as error:
            raise Conflict(error.message) from None
        return Response(document_data(self.resource, get_document(self.resource, pk)))

    def perform(self, document, request, data, comment):
        services.document_transition(
            document=document, action=self.action_name, by=request.user, comment=comment,
            acknowledge_warnings=data["acknowledge_warnings"],
        )


class IssueView(TransitionView):
    """Number, date and freeze the approved document; its PDFs are rendered once, then
    served from storage."""

    serializer_class = IssueSerializer
    action_name = "issue"

    def post(self, request, pk):
        get_document(self.resource, pk)
        require(request, TRANSITIONS["issue"].permission)
        require_recent_password(request)
        require_two_factor(request)
        return super().post(request, pk)

    def perform(self, document, request, data, comment):
        try:
            services.document_issue(
                document=document, by=request.user, issued_on=data.get("date"),
                comment=comment, acknowledge_warnings=data["acknowledge_warnings"],
                backdating_reason=data.get("backdating_reason", ""),
            )
        except services.IssueDateRefused as error:
            raise Invalid({error.field: [error.message]}) from None


class CorrectView(KindView):
    """POST /api/v1/<kind>/<id>/correct/: start the correction of an issued or withdrawn
    document — a new draft of the same kind with the text that was issued, whose `corrects`
    is this document (201). While that draft is still being prepared, the same request
    answers it again (200). What was issued never changes."""

    permission_classes = [SecretariatOnly]
    serializer_class = serializers.Serializer
    extra_error_codes = ("409",)
    document_responses = (200, 201)

    @extend_schema(request=None)
    def post(self, request, pk):
        document = get_document(self.resource, pk)
        before = set(document.corrections.values_list("pk", flat=True))
        try:
            correction, _left_out = services.document_correct(document=document, by=request.user)
        except services.NotPermitted as error:
            raise exceptions.PermissionDenied(error.message) from None
        except services.DocumentError as error:
            raise Conflict(error.message) from None
        status = 200 if correction.pk in before else 201
        return Response(document_data(self.resource, correction), status=status)


ACTIONS = ("submit", "approve", "return", "withdraw", "discard", "reinstate")
