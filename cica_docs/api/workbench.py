"""The translation workbench through the API: a language's sign-off and "checked against
revision N", and XLIFF export and import for outside translators. Each calls the service
the browser's page calls (workbench/signoffs.py, xliff/services.py), which decides who may:
its refusal is a 403, a wrong state or revision a 409, a refused file a 400."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, parsers, serializers
from rest_framework.response import Response

from cica_docs.documents import services
from cica_docs.languages import language_codes
from cica_docs.workbench import signoffs
from cica_docs.xliff import writing
from cica_docs.xliff.reading import MAX_BYTES, ImportRefused
from cica_docs.xliff.services import xliff_import

from .access import SecretariatOnly
from .documents import KindView, document_data, get_document
from .errors import Conflict, Invalid, LimitedJSONParser


class DecisionSerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=language_codes())
    revision = serializers.IntegerField(
        required=False, min_value=1, max_value=10**9,
        help_text="The revision read (default: the current one); another is refused (409).",
    )


class DecisionView(KindView):
    """POST …/<id>/sign-off/ or …/check/ {"language": "ru", "revision": 3}: the document."""

    permission_classes = [SecretariatOnly]
    serializer_class = DecisionSerializer
    extra_error_codes = ("409",)
    document_responses = (200,)
    decide = None  # the workbench service

    def post(self, request, pk):
        document = get_document(self.resource, pk)
        if not isinstance(request.data, dict):
            raise Invalid({})
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            type(self).decide(document=document, language=data["language"], by=request.user,
                              revision_number=data.get("revision", document.revision_number))
        except services.NotPermitted as error:
            raise exceptions.PermissionDenied(error.message) from None
        except services.DocumentError as error:
            raise Conflict(error.message) from None
        return Response(document_data(self.resource, get_document(self.resource, pk)))


class SignOffView(DecisionView):
    decide = signoffs.language_sign_off


class CheckView(DecisionView):
    decide = signoffs.language_check


class XliffExport(KindView):
    """GET …/<id>/xliff/<lang>/?revision=N: the revision (default: current) as XLIFF 2.0,
    the document's first language as source, `lang` as target."""

    permission_classes = [SecretariatOnly]

    @extend_schema(
        parameters=[OpenApiParameter("lang", str, OpenApiParameter.PATH),
                    OpenApiParameter("revision", int, required=False)],
        responses={(200, "application/xliff+xml"): OpenApiTypes.BINARY},
    )
    def get(self, request, pk, lang):
        document = get_document(self.resource, pk)
        if lang not in writing.target_languages(document):
            raise exceptions.NotFound()
        number = request.query_params.get("revision", "")
        number = int(number) if number.isdigit() and len(number) < 10 else (
            document.revision_number if number == "" else None)
        revision = document.revisions.filter(number=number).first() if number else None
        if revision is None:
            raise exceptions.NotFound()
        return writing.as_download(document, revision, lang)


class RawParser(parsers.BaseParser):
    """The body as bytes (an XLIFF file sent as it is), up to the XLIFF import's limit."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = stream.read(MAX_BYTES + 1) if stream is not None else b""
        return {"file": data}


def _raw(media_type):
    return type(f"RawParser_{media_type}", (RawParser,), {"media_type": media_type})


XLIFF_TYPES = ("application/xliff+xml", "application/xml", "text/xml",
               "application/octet-stream")


class XliffImport(KindView):
    """POST …/<id>/xliff/: a translated file (multipart field `file`, or the body itself)
    becomes a new revision (200 with the document; the same document when it changes
    nothing); a refused file is a 400 naming every problem, and nothing is saved."""

    permission_classes = [SecretariatOnly]
    write_permission = "accounts.draft_documents"
    parser_classes = [parsers.MultiPartParser, LimitedJSONParser,
                      *[_raw(media_type) for media_type in XLIFF_TYPES]]
    extra_error_codes = ("409",)
    document_responses = (200,)

    @extend_schema(request={
        "multipart/form-data": {"type": "object", "properties": {
            "file": {"type": "string", "format": "binary"}}, "required": ["file"]},
        "application/xliff+xml": OpenApiTypes.BINARY,
    })
    def post(self, request, pk):
        document = get_document(self.resource, pk)
        data = self._file(request)
        try:
            xliff_import(document=document, data=data, author=request.user)
        except ImportRefused as error:
            raise Invalid({"file": [str(p) for p in error.problems]},
                          detail=str(error.problems[0])) from None
        except services.NotPermitted as error:
            raise exceptions.PermissionDenied(error.message) from None
        except services.DocumentError as error:
            raise Conflict(error.message) from None
        return Response(document_data(self.resource, get_document(self.resource, pk)))

    @staticmethod
    def _file(request) -> bytes:
        from django.utils.translation import gettext as _

        upload = request.data.get("file") if hasattr(request.data, "get") else None
        if isinstance(upload, bytes):
            return upload
        if upload is None or isinstance(upload, str):
            raise Invalid({"file": [_("Send the translated XLIFF file (multipart field "
                                      "“file”, or as the request body).")]})
        if upload.size > MAX_BYTES:
            raise Invalid({"file": [_("The file is larger than 5 MB; this is not an "
                                      "exported file.")]})
        return upload.read()
