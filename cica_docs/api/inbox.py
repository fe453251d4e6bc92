"""The delegate's side of the API: what was dispatched to their state, and nothing else.

The scope is the portal's one rule, `Dispatch.objects.visible_to(user)`: anything outside
it answers 404 exactly like a document that does not exist, logs one security event,
records no receipt and sends no bytes.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, generics, serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from cica_docs.circulation import selectors
from cica_docs.circulation.dispatching import receipt_acknowledge
from cica_docs.circulation.models import Dispatch
from cica_docs.circulation.serving import NotRendered, enclosure_pdf_for, enclosures_by_issued
from cica_docs.ids import parse_id
from cica_docs.languages import language_codes

from .fields import translated
from .pdf import NotReady


def _visible_dispatch(request, pk, kind_key=None) -> Dispatch:
    return selectors.visible_dispatch(request, pk, kind=kind_key, channel="api")


class EnclosureFileSerializer(serializers.Serializer):
    language = serializers.CharField(allow_null=True, help_text=_(
        "The language of an enclosed document's copy; null for an uploaded PDF."))
    url = serializers.CharField(help_text=_("Where to download it (GET, a PDF)."))


class EnclosureSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text=_("The enclosure's number, 1, 2, … as listed."))
    title = serializers.CharField()
    files = EnclosureFileSerializer(many=True)


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

    enclosures = serializers.SerializerMethodField(help_text=_(
        "The enclosures of the document as dispatched, each downloadable on its own."))

    @extend_schema_field({"type": "object", "additionalProperties": {"type": "string"}})
    def get_title(self, dispatch) -> dict:
        return translated(dispatch.document, "title")

    @extend_schema_field(EnclosureSerializer(many=True))
    def get_enclosures(self, dispatch) -> list:
        """From the page's enclosures read at once (`enclosures` in the context)."""
        found = self.context.get("enclosures")
        if found is None:
            found = enclosures_by_issued([dispatch.issued_id])
        request = self.context["request"]
        items = []
        for item in found.get(dispatch.issued_id, []):
            path = reverse("api:inbox-enclosure", kwargs={"pk": dispatch.document_id,
                                                          "number": item["number"]})
            items.append({"number": item["number"], "title": str(item["title"]), "files": [
                {"language": file["language"], "url": request.build_absolute_uri(
                    path + (f"?lang={file['language']}" if file["language"] else ""))}
                for file in item["files"]]})
        return EnclosureSerializer(items, many=True).data


class InboxPage:
    """The page's enclosures, read at once for every document on it."""

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "enclosures": self.enclosures}

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self.enclosures = enclosures_by_issued([dispatch.issued_id for dispatch in page or ()])
        return page


class Inbox(InboxPage, generics.ListAPIView):
    """What was dispatched to the delegate's state, newest first (delegates only)."""

    permission_classes = [IsAuthenticated]
    serializer_class = InboxItemSerializer

    def get_queryset(self):
        if not self.request.user.is_delegate:
            raise exceptions.NotFound()
        return selectors.inbox(self.request.user)


class InboxItem(generics.RetrieveAPIView):
    """One document dispatched to the delegate's state, with its enclosures (delegates only;
    anything else is 404)."""

    permission_classes = [IsAuthenticated]
    serializer_class = InboxItemSerializer

    def get_object(self):
        dispatch = _visible_dispatch(self.request, self.kwargs["pk"])  # staff: the 404
        return selectors.inbox(self.request.user).get(pk=dispatch.pk)


class EnclosureQuery(serializers.Serializer):
    lang = serializers.ChoiceField(choices=language_codes(), required=False)


class EnclosurePdf(generics.GenericAPIView):
    """One enclosure of a document dispatched to the delegate's state, in one language
    (`?lang=`; none for an uploaded PDF): the same file, refusal and receipt as the portal's
    enclosure download (circulation/serving.py `enclosure_pdf_for`). Delegates only."""

    permission_classes = [IsAuthenticated]
    serializer_class = EnclosureQuery

    @extend_schema(
        parameters=[OpenApiParameter("lang", str, enum=language_codes(), required=False)],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
    )
    def get(self, request, pk, number):
        if not request.user.is_delegate:
            _visible_dispatch(request, pk)  # the Secretariat's files are not the inbox's
            raise exceptions.NotFound()
        position = parse_id(number)
        if position is None:
            raise exceptions.NotFound()
        query = EnclosureQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        try:
            return enclosure_pdf_for(request._request, pk, position,
                                     query.validated_data.get("lang", ""), channel="api")
        except NotRendered:
            raise NotReady() from None


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
