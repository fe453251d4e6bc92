"""Uploaded PDF files to enclose: list, upload (multipart), one file's facts, its bytes.

The upload goes through the browser's form and `documents.uploads.enclosed_file_create`, so
the API refuses exactly what the page refuses, with the same reasons. A file is enclosed by
naming it in a document's `enclosures`: [{"file": 3}].
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, parsers, serializers, status
from rest_framework.response import Response

from cica_docs.documents.models import EnclosedFile
from cica_docs.documents.uploads import UploadRefused, enclosed_file_create
from cica_docs.documents.views_files import EnclosedFileForm
from cica_docs.ids import id_or_404
from cica_docs.rendering.responses import stored_pdf_response

from .access import SecretariatOnly
from .errors import Invalid


class EnclosedFileSerializer(serializers.ModelSerializer):
    class Meta:
        model = EnclosedFile
        fields = ["id", "title", "original_name", "pages", "size", "sha256", "pages_not_a4",
                  "fonts_not_embedded", "uploaded_at"]
        read_only_fields = fields


class UploadSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    file = serializers.FileField(help_text="The PDF.")


class FileList(generics.ListAPIView):
    """PDF files uploaded to be enclosed. Drafters upload one with multipart/form-data
    (`title`, `file`); the same bytes uploaded again answer 200 with the existing file."""

    permission_classes = [SecretariatOnly]
    write_permission = "accounts.draft_documents"
    serializer_class = EnclosedFileSerializer
    queryset = EnclosedFile.objects.order_by("-uploaded_at", "-pk")
    parser_classes = [parsers.MultiPartParser]

    @extend_schema(request={"multipart/form-data": UploadSerializer},
                   responses={201: EnclosedFileSerializer, 200: EnclosedFileSerializer})
    def post(self, request):
        form = EnclosedFileForm(request.POST, request.FILES)
        if not form.is_valid():
            raise Invalid({field: list(errors) for field, errors in form.errors.items()})
        try:
            enclosed, new = enclosed_file_create(
                upload=form.cleaned_data["file"], title=form.cleaned_data["title"],
                by=request.user,
            )
        except UploadRefused as refusal:
            raise Invalid({"file": [refusal.message]}) from None
        return Response(EnclosedFileSerializer(enclosed).data,
                        status=status.HTTP_201_CREATED if new else status.HTTP_200_OK)


class FileDetail(generics.RetrieveAPIView):
    permission_classes = [SecretariatOnly]
    serializer_class = EnclosedFileSerializer

    def get_object(self):
        return generics.get_object_or_404(EnclosedFile, pk=id_or_404(self.kwargs["pk"]))


class FilePdf(generics.GenericAPIView):
    """The uploaded file's bytes, as they go into packages."""

    permission_classes = [SecretariatOnly]

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    def get(self, request, pk):
        enclosed = generics.get_object_or_404(EnclosedFile, pk=id_or_404(pk))
        return stored_pdf_response(enclosed, request=request._request,
                                   filename=f"enclosure-{enclosed.pk}.pdf", inline=False)
