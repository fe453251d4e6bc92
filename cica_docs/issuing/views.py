"""PDFs for the Secretariat: issued documents from storage, drafts rendered on demand."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from cica_docs.accounts.access import registrar_required
from cica_docs.circulation.serving import NotRendered, pdf_for
from cica_docs.documents.access import get_document, staff_required
from cica_docs.documents.models import Document
from cica_docs.rendering.pdf import RenderError
from cica_docs.rendering.stored import StoredFileRefused

from .models import Rendering
from .services import schedule_render

FROZEN = Document.FROZEN_STATES


def refused_page(request, *, back: str):
    """The page for a stored file that is refused (409: nothing of it is sent)."""
    return render(request, "rendering/refused.html",
                  {"message": StoredFileRefused.message, "back": back}, status=409)


@staff_required
@xframe_options_sameorigin
def document_pdf(request, pk, variant):
    try:
        return pdf_for(request, pk, variant, inline=request.GET.get("inline") == "1")
    except NotRendered as error:
        return render(request, "rendering/not_ready.html", {"document": error.document},
                      status=409)
    except StoredFileRefused:
        return refused_page(request, back=get_document(pk).get_absolute_url())
    except RenderError as error:
        return render(request, "rendering/failed.html",
                      {"document": get_document(pk), "error": error}, status=422)


@registrar_required
@require_POST
def retry(request, pk):
    """A registrar asks again for the official PDFs after a failed rendering."""
    document = get_document(pk)
    if document.state not in FROZEN:
        raise Http404
    if not document.rendered.exists():
        schedule_render(document=document)
        messages.info(request, _("The official PDFs are being rendered again."))
    return redirect(document)


@staff_required
def status(request, pk):
    """The rendering panel of the document page (polled by htmx until ready)."""
    document = get_document(pk)
    return render(request, "rendering/panel.html", panel_context(document))


def panel_context(document) -> dict:
    rendering = Rendering.objects.filter(document=document).first()
    files = {f.variant: f for f in document.rendered.all()}
    variants = [lang for lang in document.languages] + ["package"]
    return {
        "document": document,
        "rendering": rendering,
        "frozen": document.state in FROZEN,
        "variants": [(v, files.get(v)) for v in variants],
        "polling": rendering is not None and rendering.status in (
            Rendering.Status.QUEUED, Rendering.Status.RUNNING
        ),
    }
