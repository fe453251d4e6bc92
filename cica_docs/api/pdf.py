"""PDFs through the API: one language (`pdf/?lang=ru`) or the package with its enclosures.

Issued and withdrawn documents are served from storage, byte for byte what was rendered at
issue. Drafts are rendered on demand as a preview, for the Secretariat only. Delegates
reach only what was dispatched to their state (cica_docs/api/inbox.py decides).
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.permissions import IsAuthenticated

from cica_docs.languages import language_codes
from cica_docs.rendering.documents import render_one
from cica_docs.rendering.models import PACKAGE
from cica_docs.rendering.pdf import RenderError
from cica_docs.rendering.services import file_name
from cica_docs.rendering.views import pdf_response, stored_pdf_response

from .access import is_staff
from .documents import FROZEN, KindView, get_document
from .errors import Conflict
from .resources import Resource


class NotReady(Conflict):
    default_detail = _("The PDF of this document is still being rendered; try again shortly.")
    default_code = "not_ready"


class RenderFailed(exceptions.APIException):
    status_code = 422
    default_detail = _("The document could not be rendered as PDF.")
    default_code = "render_failed"


class LanguageSerializer(serializers.Serializer):
    lang = serializers.ChoiceField(choices=language_codes())


def visible_document(request, resource: Resource, pk):
    """The document if this user may download it, else 404."""
    if is_staff(request.user):
        return get_document(resource, pk)
    from .inbox import delegate_document

    return delegate_document(request, resource, pk)


class PdfBase(KindView):
    permission_classes = [IsAuthenticated]
    extra_error_codes = ("409", "422")

    def variant(self, request) -> str:
        return PACKAGE

    def serve(self, request, pk):
        # Visibility first: what a user may not see is 404 whatever the parameters.
        document = visible_document(request, self.resource, pk)
        variant = self.variant(request)
        if variant != PACKAGE and variant not in document.languages:
            raise Http404
        if document.state in FROZEN:
            record = document.rendered.filter(variant=variant).first()
            if record is None:
                raise NotReady()
            # Checked before the receipt: a refused file (409) was not received.
            response = stored_pdf_response(record, request=request._request,
                                           filename=record.filename, inline=False)
            self.downloaded(request, document, variant)
            return response
        if not is_staff(request.user):
            raise Http404
        try:
            pdf = render_one(document, variant)
        except RenderError:
            raise RenderFailed() from None
        return pdf_response(pdf.data, filename="DRAFT-" + file_name(document, variant),
                            inline=False)

    def downloaded(self, request, document, variant):
        if not is_staff(request.user):
            from .inbox import record_download

            record_download(request, document, variant)


class LanguagePdf(PdfBase):
    @extend_schema(
        parameters=[OpenApiParameter("lang", str, enum=language_codes(), required=True)],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
    )
    def get(self, request, pk):
        return self.serve(request, pk)

    def variant(self, request) -> str:
        query = LanguageSerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        return query.validated_data["lang"]


class PackagePdf(PdfBase):
    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    def get(self, request, pk):
        return self.serve(request, pk)
