"""An issued document as it was issued, read only from what was frozen at its issue.

What an issued document prints is its issued revision and, for each enclosure, the
revision bound to it when it was issued (`IssuedEnclosure`) — never a live document's
fields, which a forged row or a slip of code could have changed since. The rendering at
issue and every retry read through `issued_sources`; a draft's preview reads the live
document.
"""

from . import content as content_mod
from .models import Document, IssuedRevision


def frozen_view(document, revision, *, issued_on=None):
    """An unsaved instance of `document`'s kind holding `revision`'s content (the kind's
    fields, subject, languages), in the state of an issued document: to print, never to
    save."""
    view = Document.objects.get(pk=document.pk).specific
    content_mod.apply(view, content_mod.normalised(revision.content))
    if view.state != Document.State.WITHDRAWN:
        view.state = Document.State.ISSUED
    if issued_on is not None:
        view.issued_on = issued_on
    view.revision_number = revision.number
    return view


def bound_items(issued: IssuedRevision) -> list:
    """What `issued` encloses as it was bound at its issue, in order: frozen views of the
    enclosed documents and the `EnclosedFile`s (written once, never changed)."""
    rows = list(issued.enclosures.select_related("enclosed", "revision", "file")
                .order_by("position"))
    dates = dict(IssuedRevision.objects.filter(
        revision__in=[row.revision_id for row in rows if row.revision_id]
    ).values_list("revision_id", "issued_on"))
    return [
        row.file if row.file_id else frozen_view(
            row.enclosed, row.revision, issued_on=dates.get(row.revision_id))
        for row in rows
    ]


def issued_sources(document) -> tuple[Document, list]:
    """The issued document as issued, and what it encloses as bound at its issue."""
    issued = IssuedRevision.objects.select_related("revision").get(document_id=document.pk)
    view = frozen_view(document, issued.revision, issued_on=issued.issued_on)
    return view, bound_items(issued)
