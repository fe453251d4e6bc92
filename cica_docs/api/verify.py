"""POST /api/v1/verify/: whether a PDF (multipart field `file`) is a file the Secretariat
issued, unchanged, for member states' own systems. No login; rate-limited per address;
the file is read in memory and forgotten."""

from django.conf import settings
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import exceptions, parsers, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from cica_docs.seal.limits import allowed, use_memory_only
from cica_docs.seal.verification import verify_file

from .errors import BodyTooLarge, Invalid


class TooMany(exceptions.Throttled):
    pass


class CertificateSerializer(serializers.Serializer):
    subject = serializers.CharField()
    issuer = serializers.CharField()
    fingerprint = serializers.CharField(help_text="SHA-256 of the certificate, hex")
    not_before = serializers.DateTimeField()
    not_after = serializers.DateTimeField()
    sealed_at = serializers.DateTimeField()


class VerdictSerializer(serializers.Serializer):
    """The verdict on one file; the facts only for a file the Secretariat issued."""

    valid = serializers.BooleanField()
    reason = serializers.ChoiceField(choices=["unknown", "signature", "not_pdf"],
                                     allow_null=True)
    message = serializers.CharField(allow_null=True)
    symbol = serializers.CharField(required=False)
    title = serializers.CharField(required=False)
    issued_on = serializers.DateField(required=False, allow_null=True)
    file = serializers.CharField(required=False, help_text="a language code, or package")
    languages = serializers.ListField(child=serializers.CharField(), required=False)
    pages = serializers.IntegerField(required=False)
    sha256 = serializers.CharField(required=False, help_text="of the file, signature included")
    text_sha256 = serializers.CharField(
        required=False, help_text="of the issued text; the printed line shows its start")
    status = serializers.ChoiceField(choices=["in_force", "withdrawn", "corrected"],
                                     required=False)
    withdrawn_at = serializers.DateTimeField(required=False, allow_null=True)
    corrected_by = serializers.ListField(child=serializers.CharField(), required=False)
    certificate = CertificateSerializer(required=False)
    signature_checked = serializers.BooleanField(required=False)


@method_decorator(csrf_exempt, name="dispatch")
class VerifyView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    parser_classes = [parsers.MultiPartParser]
    extra_error_codes = ("429",)

    def initialize_request(self, request, *args, **kwargs):
        use_memory_only(request)  # the Django request, before anything reads its body
        return super().initialize_request(request, *args, **kwargs)

    @extend_schema(
        operation_id="verify",
        request={"multipart/form-data": inline_serializer(
            "VerifyRequest", {"file": serializers.FileField()})},
        responses={200: VerdictSerializer},
    )
    def post(self, request):
        if not allowed(request):
            raise TooMany(wait=60)
        if int(request.META.get("CONTENT_LENGTH") or 0) > settings.VERIFY_MAX_BYTES:
            raise BodyTooLarge()
        upload = request.FILES.get("file")
        if upload is None:
            raise Invalid({"file": [str(serializers.FileField.default_error_messages["required"])]})
        return Response(verify_file(upload.read()).as_json(), status=status.HTTP_200_OK)
