"""The delegate's side of the API: what was dispatched to their state, and nothing else.

The scope is the portal's one rule, `Dispatch.objects.visible_to(user)`: anything outside
it answers 404 exactly like a document that does not exist, logs one security event,
records no receipt and sends no bytes.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import exceptions, generics, serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from cica_docs.circulation import selectors
from cica_docs.circulation.dispatching import receipt_acknowledge
from cica_docs.circulation.models import Dispatch

from .fields import translated


def _visible_dispatch(request, pk, kind_key=None) -> Dispatch:
    return selectors.visible_dispatch(request, pk, kind=kind_key, channel="api")


class InboxItemSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="document.id", help_text=_("The document's id."))
    kind = serializers.CharField(source="document.kind")
    symbol = serializers.CharField(source="document.symbol")
    title = serializers.SerializerMethodField()
    languages = serializers.ListField(source="document.languages", child=serializers.CharField())
    issued_on = serializers.DateField(source="issued.issued_on")
    dispatched_at = serializers.DateTimeField()
    acknowledged = serializers.BooleanField(
        help_text=_("Whether the delegation acknowledged receipt (POST …/acknowledge/).")
    )

    @extend_schema_field({"type": "object", "additionalProperties": {"type": "string"}})
    def get_title(self, dispatch) -> dict:
        return translated(dispatch.document, "title")


class Inbox(generics.ListAPIView):
    """What was dispatched to the delegate's state, newest first (delegates only)."""

    permission_classes = [IsAuthenticated]
    serializer_class = InboxItemSerializer

    def get_queryset(self):
        if not self.request.user.is_delegate:
            raise exceptions.NotFound()
        return selectors.inbox(self.request.user)


class AcknowledgementSerializer(serializers.Serializer):
    document = serializers.IntegerField(source="document_id")
    member_state = serializers.CharField(source="state.code")
    user = serializers.CharField(source="user.username", help_text=_("Who acknowledged."))
    at = serializers.DateTimeField()


class Acknowledge(generics.GenericAPIView):
    """The delegation acknowledges receipt of a document dispatched to its state: 201 the
    first time, 200 with the standing acknowledgement after (once per state). Anything not
    dispatched to the state is 404, as everywhere on the delegate's side."""

    permission_classes = [IsAuthenticated]
    serializer_class = AcknowledgementSerializer

    @extend_schema(request=None, responses={200: AcknowledgementSerializer,
                                            201: AcknowledgementSerializer})
    def post(self, request, pk):
        dispatch = _visible_dispatch(request, pk)  # staff and other states: the 404
        receipt, created = receipt_acknowledge(dispatch=dispatch, user=request.user,
                                               request=request)
        return Response(self.get_serializer(receipt).data, status=201 if created else 200)
