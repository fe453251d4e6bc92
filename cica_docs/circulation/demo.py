"""Demo circulation: every issued demo document that is not an enclosure (an enclosure
travels in its note's package) goes to "All member states", once, so delegate.kz finds it
in the inbox after `make run`. A document is dispatched only once its PDFs are stored, so
the demo renders those still missing here (the queued task then finds them stored); one
whose rendering fails is left undispatched until a later run. India has acknowledged
receipt of the first one, so the registrar's receipts page shows each kind of status.

Only the demo's own documents are dispatched, each only if it was never dispatched at all
(a demo note a developer sent to one state stays with that state), and only while the
demo's delegates are the only active ones: a dispatch reaches every delegate of a state,
and demo documents must never reach a real delegation.
"""

from cica_docs.accounts.demo_records import DemoSkipped, demo_object, demo_objects, demo_remember
from cica_docs.accounts.models import User
from cica_docs.documents.models import Document
from cica_docs.issuing.services import issued_render, missing_pdfs
from cica_docs.rendering.pdf import RenderError

from .dispatching import dispatch_create, receipt_acknowledge
from .models import CirculationList, Dispatch

# Runs after the document kinds' demos (phase 1), whatever their place in INSTALLED_APPS:
# it dispatches what they issued.
PHASE = 2


def load(*, users) -> None:
    issued = demo_objects(Document).filter(state=Document.State.ISSUED,
                                           enclosed_in__isnull=True)
    # Each demo document once, and only if nobody dispatched it yet.
    waiting = [document for document in issued.order_by("pk")
               if demo_object(f"dispatch:{document.pk}", Dispatch) is None
               and not document.dispatches.exists()]
    if waiting and User.objects.filter(member_state__isnull=False, is_active=True).exclude(
        pk__in=demo_objects(User).values("pk")
    ).exists():
        raise DemoSkipped("real delegates are active here, and a demo dispatch would reach "
                          "them")
    default = CirculationList.objects.get(is_default=True)
    for document in waiting:
        if missing_pdfs(document):
            try:
                issued_render(document_id=document.pk)
            except RenderError:
                continue  # shown failed on the document page; dispatched on a later run
        dispatch = dispatch_create(document=document, circulation_list=default,
                                   by=users["registrar"])
        demo_remember(f"dispatch:{document.pk}", dispatch)

    first = demo_objects(Dispatch).order_by("pk").first()
    if first is not None and "delegate.in" in users:
        receipt_acknowledge(dispatch=first, user=users["delegate.in"])  # once: idempotent
