"""Reads of the delegate's side, made by the portal and the API alike: the inbox, the one
dispatch that shows a delegate a document, and the refusal of everything else.

Everything starts from `Dispatch.objects.visible_to(user)`, the portal's one scoping rule.
"""

from django.db.models import Exists, OuterRef
from django.http import Http404

from cica_docs.audit.log import security_event
from cica_docs.documents.selectors import ranked, search_condition
from cica_docs.ids import parse_id

from .models import Dispatch, Receipt


def refuse(request, **detail):
    """The one way out for anything outside the delegate's scope — another state's document,
    a draft, an id that does not exist, a staff account: one security event and the same
    404 (the API's exception handler answers it as its JSON 404)."""
    security_event(action="portal.refused", request=request, path=request.path[:300],
                   state=getattr(request.user, "member_state", None), **detail)
    raise Http404


def visible_dispatch(request, pk, *, kind: str | None = None, **detail) -> Dispatch:
    """The dispatch that brought document `pk` (of `kind`, if given) to the user's state, or
    the refusal."""
    number = parse_id(pk)
    dispatch = None
    if number is not None:
        dispatches = Dispatch.objects.visible_to(request.user).filter(document_id=number)
        if kind:
            dispatches = dispatches.filter(document__kind=kind)
        dispatch = dispatches.select_related("document__series", "issued").first()
    if dispatch is None:
        refuse(request, document_id=number if number is not None else str(pk)[:30], **detail)
    return dispatch


def related(user, document) -> dict:
    """The documents the delegate's page names beside `document`, each as the dispatch that
    brought it to the user's state, and only where one did (nothing else is ever named on
    the delegate's side, not even a number): its corrections and the document it corrects;
    the register document it answers or cites, and those that answer or cite it."""
    visible = Dispatch.objects.visible_to(user).select_related("issued", "document")

    def first(pk):
        return visible.filter(document_id=pk).order_by("pk").first() if pk else None

    def unique(dispatches):
        seen, found = set(), []
        for dispatch in dispatches:
            if dispatch.document_id not in seen:
                seen.add(dispatch.document_id)
                found.append(dispatch)
        return found

    return {
        "corrections": unique(visible.filter(document__corrects_id=document.pk)
                              .order_by("pk")),
        "corrected": first(document.corrects_id),
        "refers_to": first(document.reference_document_id),
        "referred_by": unique(visible.filter(document__reference_document_id=document.pk)
                              .order_by("pk")),
    }


def acknowledged(user):
    """Whether the user's state acknowledged receipt of the dispatch (an annotation)."""
    return Exists(Receipt.objects.filter(
        dispatch_id=OuterRef("pk"), state_id=user.member_state_id,
        mode=Receipt.Mode.ACKNOWLEDGE,
    ))


def inbox(user, *, kind: str = "", query: str = ""):
    """What was dispatched to the user's state, newest first, each with whether the state
    acknowledged it; one query per page whatever its size."""
    dispatches = (
        Dispatch.objects.visible_to(user)
        .select_related("document__series", "issued")
        .annotate(acknowledged=acknowledged(user))
        .order_by("-dispatched_at", "-pk")
    )
    if kind:
        dispatches = dispatches.filter(document__kind=kind)
    if query:
        dispatches = ranked(
            dispatches.filter(search_condition(query, path="document__", by_symbol=True)),
            query, path="document__", then=("-dispatched_at", "-pk"),
        )
    return dispatches
