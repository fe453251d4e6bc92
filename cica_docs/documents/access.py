"""Who may see the Secretariat's documents: staff with `accounts.view_secretariat_work`
(`staff_required`, from cica_docs/accounts/access.py).

Delegates never reach these views; what they see is decided in circulation.
"""

from django.shortcuts import get_object_or_404

from cica_docs.accounts.access import staff_required
from cica_docs.ids import id_or_404

from .models import Document

__all__ = ["get_document", "staff_required"]


def get_document(pk, *, kind: str | None = None) -> Document:
    """The kind's instance of document `pk` (of `kind`, if given), or 404 (also for ids
    that are not numbers)."""
    documents = Document.objects.filter(kind=kind) if kind else Document.objects.all()
    return get_object_or_404(documents, pk=id_or_404(pk)).specific
