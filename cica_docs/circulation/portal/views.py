"""The delegate portal: what was dispatched to the delegate's own state, and nothing else.

Every view reaches documents only through `Dispatch.objects.visible_to(user)`. Anything
outside it — another state's document, a draft, an id that does not exist, a staff account —
gets the same 404 page, one security event, no receipt and no bytes (SECURITY.md promise 1).
"""


from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from cica_docs.accounts.access import role_required
from cica_docs.circulation import dispatching, selectors
from cica_docs.circulation.models import Dispatch, Receipt
from cica_docs.documents.kinds import get_kind
from cica_docs.issuing.models import PACKAGE, RenderedFile
from cica_docs.issuing.views import refused_page
from cica_docs.languages import language_codes
from cica_docs.meetings import portal as meetings_portal
from cica_docs.pagination import page_of
from cica_docs.rendering.stored import StoredFileRefused

from ..serving import NotRendered, enclosure_pdf_for, enclosures_of, pdf_for
from .forms import InboxFilterForm

PER_PAGE = 25
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _not_a_delegate(request, **kwargs):
    selectors.refuse(request, reason="not a delegate", **kwargs)


# Logged in (otherwise the login page) and a delegate (otherwise the refusal 404).
delegate_required = role_required(lambda user: user.is_delegate, refuse=_not_a_delegate)


_visible = selectors.visible_dispatch


@delegate_required
def inbox(request):
    user = request.user
    since = meetings_portal.inbox_viewed(request)
    everything = selectors.inbox(user)
    form = InboxFilterForm(request.GET or None,
                           meetings=meetings_portal.meetings_of(everything))
    filters = form.filters()
    dispatches = selectors.inbox(user, kind=filters["kind"], query=filters["q"]).annotate(
        downloaded=Exists(Receipt.objects.filter(
            document_id=OuterRef("document_id"), state_id=user.member_state_id,
            mode__in=Receipt.FILE_MODES,
        )),
    )
    dispatches = meetings_portal.by_meeting(dispatches, meeting=filters["meeting"],
                                            topic=filters["topic"])
    dispatches = meetings_portal.with_changes(dispatches, user, since)
    if filters["new"]:
        dispatches = dispatches.filter(is_new=True)
    page = page_of(dispatches, PER_PAGE, request.GET)
    # Only a correction that reached this state too is mentioned. Asked for the page's
    # documents in one query: as an annotation, PostgreSQL hashes every dispatch the state
    # received (10,000: ~100 ms) for the 25 rows of a page.
    corrected = set(Dispatch.objects.visible_to(user).filter(
        document__corrects_id__in=[dispatch.document_id for dispatch in page]
    ).values_list("document__corrects_id", flat=True))
    meetings = meetings_portal.page_meetings([dispatch.document_id for dispatch in page])
    for dispatch in page:
        dispatch.corrected = dispatch.document_id in corrected
        dispatch.meetings = meetings.get(dispatch.document_id, [])
    return render(request, "circulation/portal/inbox.html", {
        "page": page, "form": form, "state": user.member_state, "since": since,
        "meeting": filters["meeting"], "groups": form.fields["meeting"].queryset,
        "filtered": bool(filters["kind"] or filters["q"] or filters["meeting"]
                         or filters["topic"] or filters["new"]),
    })


@delegate_required
def unacknowledged(request):
    """What reached the delegate's state and the delegation has not acknowledged yet, oldest
    first, each with the delegates of the state who have downloaded or opened it (three
    queries a page whatever its length)."""
    user = request.user
    dispatches = selectors.inbox(user).filter(acknowledged=False).order_by("dispatched_at", "pk")
    page = Paginator(dispatches, PER_PAGE).get_page(request.GET.get("page"))
    received: dict[int, list[str]] = {}
    for receipt in Receipt.objects.filter(
            dispatch_id__in=[dispatch.pk for dispatch in page], state_id=user.member_state_id,
            mode__in=Receipt.FILE_MODES).select_related("user").order_by("at", "pk"):
        name = receipt.user.get_full_name() or receipt.user.get_username()
        names = received.setdefault(receipt.dispatch_id, [])
        if name not in names:
            names.append(name)
    for dispatch in page:
        dispatch.received_by = received.get(dispatch.pk, [])
    return render(request, "circulation/portal/unacknowledged.html", {
        "page": page, "state": user.member_state})


def _files(document) -> list[dict]:
    stored = {f.variant: f for f in RenderedFile.objects.filter(document_id=document.pk)}
    variants = [lang for lang in language_codes() if lang in document.languages] + [PACKAGE]
    return [
        {"variant": variant, "language": LANGUAGE_NAMES.get(variant), "file": stored.get(variant)}
        for variant in variants
    ]


@delegate_required
def document(request, pk):
    dispatch = _visible(request, pk)
    document = dispatch.document
    meetings_portal.document_seen(request.user, document)
    receipts = (
        Receipt.objects.filter(document_id=document.pk, state_id=request.user.member_state_id)
        .select_related("user")[:20]
    )
    files = _files(document)
    acknowledged = dispatch.receipts.filter(
        state_id=request.user.member_state_id, mode=Receipt.Mode.ACKNOWLEDGE
    ).select_related("user").first()
    return render(request, "circulation/portal/document.html", {
        "acknowledged": acknowledged,
        **selectors.related(request.user, document),
        "dispatch": dispatch,
        "document": document,
        "kind": get_kind(document.kind),
        "files": files,
        "enclosures": enclosures_of(dispatch.issued_id),
        "languages": [item["language"] for item in files if item["language"]],
        "receipts": receipts,
    })


def _serve(request, pk, variant, mode):
    return _refusals(lambda: pdf_for(request, pk, variant, mode=mode,
                                     inline=mode == Receipt.Mode.PREVIEW), request, pk)


def _refusals(serve, request, pk):
    try:
        return serve()
    except NotRendered as error:
        context = {"dispatch": error.dispatch, "document": error.document}
        return render(request, "circulation/portal/not_ready.html", context, status=404)
    except StoredFileRefused:
        return refused_page(request, back=reverse("portal:document", args=[pk]))


@delegate_required
def enclosure_download(request, pk, number, language=""):
    """One enclosure of a document, in one language (an uploaded PDF: as it is)."""
    return _refusals(lambda: enclosure_pdf_for(request, pk, number, language), request, pk)


@delegate_required
def download(request, pk, variant):
    return _serve(request, pk, variant, Receipt.Mode.DOWNLOAD)


@delegate_required
@xframe_options_sameorigin
def preview(request, pk, variant):
    return _serve(request, pk, variant, Receipt.Mode.PREVIEW)


@delegate_required
@require_POST
def acknowledge(request, pk):
    """The delegation acknowledges receipt formally (once per state)."""
    dispatch = _visible(request, pk, mode=Receipt.Mode.ACKNOWLEDGE)
    _receipt, created = dispatching.receipt_acknowledge(
        dispatch=dispatch, user=request.user, request=request
    )
    if created:
        messages.success(request, _("Receipt acknowledged on behalf of %(state)s.")
                         % {"state": request.user.member_state.name})
    else:
        messages.info(request, _("Your delegation had already acknowledged receipt."))
    return redirect("portal:document", pk=dispatch.document_id)
