"""Demo circulation: every issued demo document that is not an enclosure (an enclosure
travels in its note's package) goes to "All member states", so delegate.kz finds it in the
inbox after `make run`. The PDFs need not exist yet: the db_worker renders
them, and the portal says "being prepared" until then. India has acknowledged receipt of
the first one, so the registrar's receipts page shows each kind of status."""

from contextlib import suppress

from cica_docs.documents.models import Document

from .dispatching import DispatchError, dispatch_create, receipt_acknowledge
from .models import CirculationList, Dispatch

# Runs after the document kinds' demos (phase 1), whatever their place in INSTALLED_APPS:
# it dispatches what they issued.
PHASE = 2


def load(*, users) -> None:
    default = CirculationList.objects.get(is_default=True)
    issued = Document.objects.filter(state=Document.State.ISSUED, enclosed_in__isnull=True)
    for document in issued.order_by("pk"):
        # DispatchError: already dispatched by an earlier run of the demo.
        with suppress(DispatchError):
            dispatch_create(document=document, circulation_list=default, by=users["registrar"])

    first = Dispatch.objects.filter(circulation_list=default).order_by("pk").first()
    if first is not None and "delegate.in" in users:
        receipt_acknowledge(dispatch=first, user=users["delegate.in"])  # once: idempotent
