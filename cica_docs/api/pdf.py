"""PDFs through the API: one language (`pdf/?lang=ru`) or the package with its enclosures.

Issued and withdrawn documents are served from storage, byte for byte what was rendered at
issue. Drafts are rendered on demand as a preview, for the Secretariat only. Delegates
reach only what was dispatched to their state: cica_docs/circulation/serving.py decides,
for the API as for the browser.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.permissions import IsAuthenticated

from cica_docs.circulation.serving import NotRendered, pdf_for
from cica_docs.issuing.models import PACKAGE
from cica_docs.languages import language_codes
from cica_docs.rendering.pdf import RenderError

from .documents import KindView
from .errors import Conflict


class NotReady(Conflict):
    default_detail = _("The PDF of this document is still being rendered; try again shortly.")
    default_code = "not_ready"


class RenderFailed(exceptions.APIException):
    status_code = 422
    default_detail = _("The document could not be rendered as PDF.")
    default_code = "render_failed"


class LanguageSerializer(serializers.Serializer):
    lang = serializers.ChoiceField(choices=language_codes())


class PdfBase(KindView):
    permission_classes = [IsAuthenticated]
    extra_error_codes = ("409", "422")

    def variant(self, request) -> str:
        return PACKAGE

    def serve(self, request, pk):
        try:
            # The variant is read once the document is known visible: what a user may not
            # see is 404 whatever the parameters.
            return pdf_for(request._request, pk, lambda: self.variant(request),
                           kind=self.resource.kind_key, channel="api")
        except NotRendered:
            raise NotReady() from None
        except RenderError:
            raise RenderFailed() from None


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
