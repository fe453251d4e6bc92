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
from cica_docs.documents.models import Document
from cica_docs.issuing.models import PACKAGE, RenderedFile
from cica_docs.issuing.packages import render_one
from cica_docs.issuing.services import file_name
from cica_docs.rendering.responses import pdf_response, stored_pdf_response

from . import dispatching, selectors
from .models import Receipt


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
