"""Rendering at issue time: render once, store with SHA-256, serve from storage forever."""

import hashlib
import logging
import re

from django.core.files.base import ContentFile
from django.db import transaction

from cica_docs.audit.log import security_event
from cica_docs.documents import content as content_mod
from cica_docs.documents.frozen import issued_sources
from cica_docs.documents.models import Document

from .documents import render_all
from .models import RenderedFile, Rendering
from .pdf import RenderError

logger = logging.getLogger(__name__)


def file_name(document, variant: str) -> str:
    """`NCT-CT-274_ru.pdf`; a document without a number uses its id."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", document.symbol).strip("-") or f"document-{document.pk}"
    return f"{stem}_{variant}.pdf"


def schedule_render(*, document) -> None:
    """Queue the rendering of an issued document once the issuing transaction commits."""
    from .tasks import render_issued

    Rendering.objects.update_or_create(
        document=document, defaults={"status": Rendering.Status.QUEUED, "error": ""}
    )
    transaction.on_commit(lambda: render_issued.enqueue(document.pk))


def issued_render(*, document_id: int) -> list[RenderedFile]:
    """Render every variant of an issued document and store it. Idempotent: a document
    that already has its files is not rendered again (files never change)."""
    document = Document.objects.get(pk=document_id).specific
    existing = list(document.rendered.all())
    if existing:
        Rendering.objects.filter(document=document).update(status=Rendering.Status.READY)
        return existing
    issued = document.issued
    # What is rendered is the issued revision (below); live rows that no longer match it
    # were changed behind the services' back, which the operators must hear of.
    # normalised: a revision written before a content key existed still matches.
    issued_content = content_mod.normalised(issued.revision.content)
    if content_mod.content_hash(content_mod.snapshot(document)) != content_mod.content_hash(
        issued_content
    ):
        security_event(action="document.content_forged", target=document,
                       revision=issued.revision.number)
    Rendering.objects.update_or_create(
        document=document, defaults={"status": Rendering.Status.RUNNING, "error": ""}
    )
    try:
        # Only what was frozen at the issue: the issued revision and the revisions its
        # enclosures were bound to, never the live documents.
        view, enclosures = issued_sources(document)
        results = render_all(view, created=issued.issued_at, enclosures=enclosures)
    except RenderError as error:
        logger.error("rendering of document %s failed: %s", document.pk, error)
        Rendering.objects.filter(document=document).update(
            status=Rendering.Status.FAILED, error=str(error)[:2000]
        )
        raise
    with transaction.atomic():
        files = []
        for result in results:
            name = file_name(document, result.variant)
            record = RenderedFile(
                document=document, variant=result.variant, filename=name,
                sha256=hashlib.sha256(result.pdf.data).hexdigest(),
                pages=result.pdf.total_pages, size=len(result.pdf.data),
            )
            record.file.save(name, ContentFile(result.pdf.data), save=False)
            record.save()
            files.append(record)
        Rendering.objects.filter(document=document).update(status=Rendering.Status.READY)
    return files
