"""PDFs for the Secretariat: issued documents from storage, drafts rendered on demand."""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from cica_docs.documents.access import get_document, staff_required
from cica_docs.documents.models import Document

from .documents import render_one
from .models import Rendering
from .pdf import RenderError
from .services import file_name, schedule_render
from .stored import StoredFileRefused, stored_bytes

FROZEN = Document.FROZEN_STATES


def pdf_response(data_or_file, *, filename: str, inline: bool, etag: str = ""):
    """A PDF to download or show inline. Restricted: `NoStoreMiddleware` tells every cache
    not to keep it."""
    if isinstance(data_or_file, bytes):
        response = HttpResponse(data_or_file, content_type="application/pdf")
        disposition = "inline" if inline else "attachment"
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    else:
        response = FileResponse(
            data_or_file, as_attachment=not inline, filename=filename,
            content_type="application/pdf",
        )
    if etag:
        response["ETag"] = f'"{etag}"'
    return response


def stored_pdf_response(stored, *, request, filename: str, inline: bool):
    """A stored PDF (a `RenderedFile` or an `EnclosedFile`), served only if its bytes still
    match their SHA-256 (`stored.stored_bytes`); else `StoredFileRefused` is raised, which
    `refused_page` and the API turn into a refusal."""
    data = stored_bytes(stored, request=request)
    return pdf_response(io.BytesIO(data), filename=filename, inline=inline, etag=stored.sha256)


def refused_page(request, *, back: str):
    """The page for a stored file that is refused (409: nothing of it is sent)."""
    return render(request, "rendering/refused.html",
                  {"message": StoredFileRefused.message, "back": back}, status=409)


def _variant_or_404(document, variant):
    if variant != "package" and variant not in document.languages:
        raise Http404


@staff_required
@xframe_options_sameorigin
def document_pdf(request, pk, variant):
    document = get_document(pk)
    _variant_or_404(document, variant)
    inline = request.GET.get("inline") == "1"
    if document.state in FROZEN:
        record = document.rendered.filter(variant=variant).first()
        if record is None:
            return render(request, "rendering/not_ready.html", {"document": document}, status=409)
        try:
            return stored_pdf_response(record, request=request, filename=record.filename,
                                       inline=inline)
        except StoredFileRefused:
            return refused_page(request, back=document.get_absolute_url())
    try:
        pdf = render_one(document, variant)
    except RenderError as error:
        return render(request, "rendering/failed.html",
                      {"document": document, "error": error}, status=422)
    return pdf_response(pdf.data, filename="DRAFT-" + file_name(document, variant), inline=inline)


@staff_required
@require_POST
def retry(request, pk):
    """A registrar asks again for the official PDFs after a failed rendering."""
    document = get_document(pk)
    if not request.user.has_perm("accounts.register_documents"):
        raise PermissionDenied
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
