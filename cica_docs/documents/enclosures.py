"""Enclosures: the documents a document carries with it, in order."""

from .models import Document


def enclosed_documents(document: Document) -> list[Document]:
    """The enclosed documents of `document` (their kind's instances), in order."""
    rows = document.enclosures.select_related("enclosed").order_by("position", "pk")
    return [row.enclosed.specific for row in rows]
