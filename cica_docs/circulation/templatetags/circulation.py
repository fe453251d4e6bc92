from django import template

from cica_docs.circulation.models import Dispatch
from cica_docs.documents.models import Document

register = template.Library()


@register.inclusion_tag("circulation/includes/document_dispatches.html", takes_context=True)
def document_dispatches(context, document):
    """The dispatch action and the dispatches of a document, for its Secretariat page."""
    return {
        "document": document,
        "perms": context.get("perms"),
        "can_dispatch": document.state == Document.State.ISSUED,
        "dispatches": Dispatch.objects.filter(document_id=document.pk)
        .select_related("circulation_list", "dispatched_by")
        .prefetch_related("recipients"),
    }
