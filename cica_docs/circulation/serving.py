"""The PDF this user may get: one function for the staff pages, the portal and the API, so
that the three cannot disagree on who gets which bytes.

- Staff get every document: issued and withdrawn ones from storage, byte for byte what was
  rendered at issue; drafts rendered now, as a DRAFT preview.
- Delegates get only what was dispatched to their state (`selectors.visible_dispatch`,
  otherwise the refusal 404), only from storage, and each file they get is a receipt.
- Stored bytes are checked against their SHA-256 before anything is sent or recorded: a
  refused file (`StoredFileRefused`) was not received.

The entry points translate what this raises into their own pages or JSON: `Http404`,
`NotRendered` (issued, its PDFs still being rendered), `StoredFileRefused` and `RenderError`
(a draft that cannot be laid out). Responses carry no-store headers (`NoStoreMiddleware`).
"""

from collections.abc import Callable

from django.http import Http404

from cica_docs.audit.log import record as audit_record
from cica_docs.documents.access import get_document
from cica_docs.documents.models import Document, IssuedEnclosure, IssuedRevision
from cica_docs.issuing.models import PACKAGE, RenderedFile
from cica_docs.issuing.packages import render_one
from cica_docs.issuing.services import file_name
from cica_docs.rendering.responses import pdf_response, stored_pdf_response

from . import dispatching, selectors
from .models import Receipt, enclosure_variant


class NotRendered(Exception):
    """The document is issued but its PDFs are not stored yet (`dispatch` is the delegate's,
    None for staff)."""

    def __init__(self, document, dispatch=None):
        super().__init__(document.pk)
        self.document = document
        self.dispatch = dispatch


def pdf_for(request, pk, variant: str | Callable[[], str], *, kind: str | None = None,
            inline: bool = False, mode: str = Receipt.Mode.DOWNLOAD, **detail):
    """The response with `variant` (a language code or "package") of document `pk` (of
    `kind`, if given) for `request.user`; `mode` says what a delegate's receipt records
    (download or preview), `detail` what the refusal logs. A callable `variant` is asked
    only once the document is known visible (the API's query parameters)."""
    dispatch = None
    if request.user.has_perm("accounts.view_secretariat_work"):
        document = get_document(pk, kind=kind)
    else:
        if isinstance(variant, str):
            detail["variant"] = variant[:20]
        dispatch = selectors.visible_dispatch(request, pk, kind=kind, mode=mode, **detail)
        document = dispatch.document
    if callable(variant):
        variant = variant()
    if variant != PACKAGE and variant not in document.languages:
        raise Http404
    if document.state in Document.FROZEN_STATES:
        record = RenderedFile.objects.filter(document_id=document.pk, variant=variant).first()
        if record is None:
            raise NotRendered(document, dispatch)
        response = stored_pdf_response(record, request=request, filename=record.filename,
                                       inline=inline)
        if dispatch is not None:
            dispatching.receipt_create(dispatch=dispatch, user=request.user, variant=variant,
                                       mode=mode, request=request)
        else:  # a delegate's file is a receipt; a staff member's, an audit event
            audit_record(action="document.pdf_staff", request=request, target=document,
                   variant=variant, inline=inline)
        return response
    if dispatch is not None:  # only issued documents are dispatched; never a draft's bytes
        raise Http404
    pdf = render_one(document, variant)
    return pdf_response(pdf.data, filename="DRAFT-" + file_name(document, variant),
                        inline=inline)


def enclosures_of(issued_id) -> list[dict]:
    """An issued document's enclosures as bound at its issue, each with its files: one per
    language of an enclosed document (its own issued PDFs), the uploaded PDF as it is."""
    return enclosures_by_issued([issued_id]).get(issued_id, [])


def enclosures_by_issued(issued_ids) -> dict[int, list[dict]]:
    """`enclosures_of` for several issued revisions at once (a page of the API's inbox):
    {issued id: its enclosures}, two queries whatever the number of documents."""
    rows = list(IssuedEnclosure.objects.filter(issued_id__in=[i for i in issued_ids if i])
                .select_related("enclosed__series", "file").order_by("issued_id", "position"))
    stored = {}
    for record in RenderedFile.objects.filter(
            document_id__in=[row.enclosed_id for row in rows if row.enclosed_id]):
        stored[record.document_id, record.variant] = record
    found: dict[int, list[dict]] = {}
    for row in rows:
        if row.file_id:
            files = [{"variant": enclosure_variant(row.position), "language": None,
                      "file": row.file}]
            title = row.file.title
        else:
            files = [{"variant": enclosure_variant(row.position, language), "language": language,
                      "file": stored.get((row.enclosed_id, language))}
                     for language in row.enclosed.languages]
            title = row.enclosed.display_title
        found.setdefault(row.issued_id, []).append(
            {"number": row.position + 1, "title": title, "files": files})
    return found


def enclosure_pdf_for(request, pk, number: int, language: str = "", *,
                      mode: str = Receipt.Mode.DOWNLOAD, inline: bool = False, **detail):
    """Enclosure `number` (1, 2, … as listed) of document `pk` on its own: an enclosed
    document in `language`, from its stored issued PDF; an uploaded PDF (no language) as
    stored. Reached only through the document, so only as `pdf_for` would let the user
    have the package: for a delegate, through the dispatch to their state (its enclosures
    are the ones bound to the issued revision that was dispatched), each file a receipt of
    that dispatch; never a draft's. `detail` is what a refusal logs (the API's channel)."""
    dispatch = None
    if request.user.has_perm("accounts.view_secretariat_work"):
        document = get_document(pk)
        issued_id = IssuedRevision.objects.filter(document_id=document.pk).values_list(
            "pk", flat=True).first()
    else:
        dispatch = selectors.visible_dispatch(request, pk, mode=mode, enclosure=number,
                                              variant=language[:20], **detail)
        document, issued_id = dispatch.document, dispatch.issued_id
    row = IssuedEnclosure.objects.filter(issued_id=issued_id, position=number - 1).select_related(
        "file", "enclosed").first() if issued_id and number > 0 else None
    if row is None or bool(row.file_id) == bool(language):
        raise Http404
    if row.file_id:
        stored, filename = row.file, file_name(document, f"enclosure-{number}")
    else:
        if language not in row.enclosed.languages:
            raise Http404
        stored = RenderedFile.objects.filter(document_id=row.enclosed_id, variant=language).first()
        if stored is None:
            raise NotRendered(document, dispatch)
        filename = stored.filename
    response = stored_pdf_response(stored, request=request, filename=filename, inline=inline)
    if dispatch is not None:
        dispatching.receipt_create(dispatch=dispatch, user=request.user,
                                   variant=enclosure_variant(row.position, language),
                                   mode=mode, request=request)
    else:
        audit_record(action="document.pdf_staff", request=request, target=document,
                     variant=enclosure_variant(row.position, language), inline=inline)
    return response
