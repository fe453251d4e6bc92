"""The register of outgoing documents: the rows of /<lang>/register/, as JSON."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers

from cica_docs.documents.kinds import kinds
from cica_docs.documents.models import Series
from cica_docs.ids import parse_id
from cica_docs.register import exports, selectors
from cica_docs.register.views import year_of

from .access import SecretariatOnly
from .errors import Invalid


class RegisterEntrySerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=[selectors.DOCUMENT, selectors.GAP],
                                   help_text="An issued document, or numbers left unused.")
    number = serializers.CharField(source="number_text", help_text="NCT/CT/274, or 275–277.")
    series = serializers.CharField()
    first = serializers.IntegerField(source="number")
    last = serializers.IntegerField(allow_null=True)
    date = serializers.DateField(allow_null=True)
    id = serializers.IntegerField(source="document.pk", allow_null=True, default=None)
    kind = serializers.CharField(source="document.kind", allow_null=True, default=None)
    subject = serializers.CharField()
    addressee = serializers.CharField()
    languages = serializers.ListField(child=serializers.CharField())
    issued_by = serializers.CharField()
    circulation_lists = serializers.ListField(source="lists", child=serializers.CharField())
    states_reached = serializers.IntegerField(source="reached")
    states_downloaded = serializers.IntegerField(source="downloaded")
    states_acknowledged = serializers.IntegerField(source="acknowledged")
    status = serializers.CharField(source="status_label")
    withdrawn_on = serializers.DateField(allow_null=True)
    corrects = serializers.CharField()
    corrected_by = serializers.ListField(child=serializers.CharField())
    remarks = serializers.SerializerMethodField()

    def get_remarks(self, entry) -> str:
        return exports.remarks(entry)


class Register(generics.ListAPIView):
    """Every number given in every series, in order, with the numbers left unused: the rows
    of the register page (`?series=NCT/CT&year=2026&kind=note`; the series by code or id)."""

    permission_classes = [SecretariatOnly]
    serializer_class = RegisterEntrySerializer

    @extend_schema(parameters=[
        OpenApiParameter("series", str, description="The series' code or id."),
        OpenApiParameter("year", int), OpenApiParameter("month", int),
        OpenApiParameter("kind", str, enum=[kind.key for kind in kinds()]),
    ])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        data, errors = self.request.query_params, {}
        filters = selectors.Filters()
        if data.get("series"):
            value = data["series"]
            series_id = parse_id(value)
            # A code never holds NUL (PostgreSQL refuses it in a query: it was a 500).
            filters.series = (Series.objects.filter(pk=series_id) if series_id
                              else Series.objects.filter(code=value.replace("\x00", "\ufffd"))
                              ).first()
            if filters.series is None:
                errors["series"] = [_("No series has this code or id.")]
        if data.get("year"):
            filters.year = year_of(data["year"])
            if filters.year is None:
                errors["year"] = [_("Give a year such as 2026.")]
        if data.get("month"):
            month = parse_id(data["month"])
            filters.month = month if month is not None and month <= 12 else None
            if filters.month is None:
                errors["month"] = [_("Give a month from 1 to 12.")]
        if data.get("kind"):
            filters.kind = data["kind"] if data["kind"] in {k.key for k in kinds()} else ""
            if not filters.kind:
                errors["kind"] = [_("No kind of document has this name.")]
        if errors:
            raise Invalid(errors)
        return selectors.register(filters)
