"""Dispatch of an issued document to a circulation list, and the receipts of its downloads,
through the same services and rules as the registrar's pages."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from cica_docs.circulation.dispatching import DispatchError, dispatch_create
from cica_docs.circulation.models import CirculationList, Receipt
from cica_docs.ids import MAX_ID

from .access import SecretariatOnly, require, require_recent_password, require_two_factor
from .documents import KindView, get_document
from .errors import Conflict, Invalid


class DispatchRequestSerializer(serializers.Serializer):
    circulation_list = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text=_("The id of a circulation list.")
    )


class DispatchSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    document = serializers.IntegerField(source="document_id")
    circulation_list = serializers.IntegerField(source="circulation_list_id")
    dispatched_at = serializers.DateTimeField()
    member_states = serializers.SerializerMethodField()

    def get_member_states(self, dispatch) -> list[str]:
        return [recipient.state.code for recipient in dispatch.recipients.all()]


class DispatchView(KindView):
    """Dispatch the issued document to a circulation list (registrars)."""

    permission_classes = [SecretariatOnly]
    write_permission = "accounts.register_documents"
    serializer_class = DispatchRequestSerializer

    @extend_schema(request=DispatchRequestSerializer,
                   responses={201: DispatchSerializer})
    def post(self, request, pk):
        document = get_document(self.resource, pk)
        require_recent_password(request)
        require_two_factor(request)
        data = DispatchRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        circulation_list = CirculationList.objects.filter(
            pk=data.validated_data["circulation_list"]
        ).first()
        if circulation_list is None:
            raise Invalid({"circulation_list": [_("There is no such circulation list.")]})
        try:
            dispatch = dispatch_create(
                document=document, circulation_list=circulation_list, by=request.user,
                request=request._request,
            )
        except DispatchError as error:
            raise Conflict(error.message) from None
        dispatch = type(dispatch).objects.prefetch_related("recipients__state").get(
            pk=dispatch.pk
        )
        return Response(DispatchSerializer(dispatch).data, status=status.HTTP_201_CREATED)


class ReceiptSerializer(serializers.Serializer):
    user = serializers.CharField(source="user.username")
    member_state = serializers.CharField(source="state.code")
    language = serializers.CharField(source="variant", help_text=_("A language or “package”."))
    mode = serializers.CharField()
    at = serializers.DateTimeField()


class ReceiptList(generics.ListAPIView, KindView):
    """Who downloaded the document, from which state, in which language, when (registrars)."""

    permission_classes = [SecretariatOnly]
    serializer_class = ReceiptSerializer

    def get_queryset(self):
        document = get_document(self.resource, self.kwargs["pk"])
        require(self.request, "accounts.register_documents")
        return (Receipt.objects.filter(document=document)
                .select_related("user", "state").order_by("-at", "-pk"))

