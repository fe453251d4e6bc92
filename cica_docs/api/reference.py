"""Reference data: registry series, addressees, member states and circulation lists."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models, transaction
from drf_spectacular.utils import extend_schema
from modeltranslation.utils import build_localized_fieldname
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from cica_docs.audit.log import record
from cica_docs.circulation import services as circulation_services
from cica_docs.circulation.forms import CirculationListForm, translations
from cica_docs.circulation.models import CirculationList, MemberState
from cica_docs.documents.models import Series
from cica_docs.ids import id_or_404
from cica_docs.languages import language_codes
from cica_docs.letterhead.models import Addressee
from cica_docs.translated import translations_assign

from .access import SecretariatOnly, require, require_recent_password
from .errors import Invalid
from .fields import TextField, TranslatedField, translated


class TextModelSerializer(serializers.ModelSerializer):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        **{field: TextField for field in (models.CharField, models.TextField, models.SlugField)},
    }


class SeriesSerializer(TextModelSerializer):
    class Meta:
        model = Series
        fields = ["id", "code", "name", "next_number", "restart_yearly", "signoff_required"]


class SeriesList(generics.ListCreateAPIView):
    """Registry series. Administrators create them (`{"code": "NCT/CT", "next_number": 274}`)."""

    permission_classes = [SecretariatOnly]
    write_permission = "documents.add_series"
    serializer_class = SeriesSerializer
    queryset = Series.objects.order_by("code")

    def perform_create(self, serializer):
        with transaction.atomic():
            series = serializer.save()
            record(action="series.create", request=self.request, target=series,
                   next_number=series.next_number)


class SeriesDetail(generics.RetrieveAPIView):
    permission_classes = [SecretariatOnly]
    serializer_class = SeriesSerializer

    def get_object(self):
        return generics.get_object_or_404(Series, pk=id_or_404(self.kwargs["pk"]))


class AddresseeSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    code = TextField(max_length=60)
    dative = TranslatedField(help_text="The form inside the courtesy formulas.")
    block = TranslatedField(help_text="The address block, line by line.")
    block_in_capitals = serializers.BooleanField(
        required=False, default=False,
        help_text="Print the block in capitals (as for a collective addressee); otherwise as "
                  "typed.")

    def to_representation(self, instance):
        return {"id": instance.pk, "code": instance.code,
                "dative": translated(instance, "dative"), "block": translated(instance, "block"),
                "block_in_capitals": instance.block_in_capitals}

    def create(self, validated_data):
        addressee = Addressee(code=validated_data["code"],
                              block_in_capitals=validated_data["block_in_capitals"])
        for name in ("dative", "block"):
            translations_assign(addressee, name, {
                code: validated_data[name].get(code, "") for code in language_codes()
            })
        try:
            addressee.full_clean()
        except DjangoValidationError as error:
            raise Invalid(_addressee_errors(error.message_dict)) from None
        addressee.save()
        return addressee


def _addressee_errors(errors: dict) -> dict:
    result = {}
    for field, messages in errors.items():
        name, _sep, code = field.rpartition("_")
        key = f"{name}.{code}" if name in ("dative", "block") and code in language_codes() \
            else field
        result.setdefault(key, []).extend(messages)
    return result


class AddresseeList(generics.ListCreateAPIView):
    """Addressees of documents, with their forms in every language."""

    permission_classes = [SecretariatOnly]
    write_permission = "letterhead.add_addressee"
    serializer_class = AddresseeSerializer
    queryset = Addressee.objects.order_by("code")

    def perform_create(self, serializer):
        with transaction.atomic():
            addressee = serializer.save()
            record(action="addressee.create", request=self.request, target=addressee)


class AddresseeDetail(generics.RetrieveAPIView):
    permission_classes = [SecretariatOnly]
    serializer_class = AddresseeSerializer

    def get_object(self):
        return generics.get_object_or_404(Addressee, pk=id_or_404(self.kwargs["pk"]))


# Member states and lists are the registrar's (dispatch) and the administrator's business.
CIRCULATION_READERS = ("accounts.manage_reference_data", "accounts.register_documents")


def _require_circulation_reader(request):
    if not any(request.user.has_perm(p) for p in CIRCULATION_READERS):
        require(request, CIRCULATION_READERS[0])


class MemberStateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = TranslatedField()
    full_name = TranslatedField()
    status = serializers.ChoiceField(choices=MemberState.Status.choices)
    is_active = serializers.BooleanField()

    def to_representation(self, instance):
        return {"id": instance.pk, "code": instance.code, "name": translated(instance, "name"),
                "full_name": translated(instance, "full_name"), "status": instance.status,
                "is_active": instance.is_active}


class MemberStateList(generics.ListAPIView):
    """Member states, observers and organisations."""

    permission_classes = [SecretariatOnly]
    serializer_class = MemberStateSerializer
    queryset = MemberState.objects.order_by("code")

    def list(self, request, *args, **kwargs):
        _require_circulation_reader(request)
        return super().list(request, *args, **kwargs)


class CirculationListSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = TranslatedField()
    member_states = serializers.ListField(child=serializers.IntegerField(), allow_empty=False)
    is_default = serializers.BooleanField(read_only=True)

    def to_representation(self, instance):
        return {"id": instance.pk, "name": translated(instance, "name"),
                # From the list's prefetch (values_list would query once per list).
                "member_states": sorted(state.pk for state in instance.states.all()),
                "is_default": instance.is_default}


class CirculationLists(generics.ListCreateAPIView):
    """Circulation lists. Administrators create them with the browser's rules (the same
    form and service; a session must have confirmed the password recently)."""

    permission_classes = [SecretariatOnly]
    write_permission = "accounts.manage_reference_data"
    serializer_class = CirculationListSerializer
    queryset = CirculationList.objects.prefetch_related("states").order_by("-is_default", "pk")

    def list(self, request, *args, **kwargs):
        _require_circulation_reader(request)
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={201: CirculationListSerializer})
    def post(self, request, *args, **kwargs):
        require_recent_password(request)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = {"states": [str(pk) for pk in serializer.validated_data["member_states"]]}
        for code, value in serializer.validated_data["name"].items():
            data[build_localized_fieldname("name", code)] = value
        form = CirculationListForm(data)
        if not form.is_valid():
            raise Invalid(_list_errors(form.errors))
        circulation_list = circulation_services.circulation_list_create(
            by=request.user, request=request._request,
            names=translations(form.cleaned_data, "name"), states=form.cleaned_data["states"],
        )
        return Response(self.get_serializer(circulation_list).data,
                        status=status.HTTP_201_CREATED)


def _list_errors(errors) -> dict:
    result = {}
    for field, messages in errors.items():
        if field == "states":
            key = "member_states"
        elif field.startswith("name_"):
            key = "name." + field.removeprefix("name_")
        else:
            key = field
        result[key] = list(messages)
    return result
