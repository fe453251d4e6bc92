"""Pages of the document platform, shared by every kind: work list, editor, detail."""

import datetime

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from cica_docs.accounts.reauth import reauthentication_required
from cica_docs.ids import parse_id
from cica_docs.issuing.views import panel_context
from cica_docs.languages import language_codes
from cica_docs.pagination import page_of
from cica_docs.xliff.writing import target_languages

from . import content as content_mod
from . import selectors, services
from .access import get_document, staff_required
from .checks import run_checks
from .diff import merge_rows
from .enclosures import enclosed_items, referenced_items
from .issue_dates import issue_window
from .kinds import get_kind, kinds
from .merge import open_conflicts
from .models import Document, IssuedRevision, Series
from .preview import print_preview
from .references import citing, reference_of
from .status import translation_status, translation_statuses
from .workflow import available_transitions

PER_PAGE = 25  # work list rows a page

LISTS = {
    "mine": gettext_lazy("My drafts"),
    "review": gettext_lazy("Awaiting review"),
    "approved": pgettext_lazy("work list tab", "Approved"),
    "issued": pgettext_lazy("work list tab", "Issued"),
    "all": gettext_lazy("All"),
    "discarded": pgettext_lazy("work list tab", "Discarded"),
}


@staff_required
def worklist(request):
    state = request.GET.get("state", "")
    series = request.GET.get("series", "")
    query = request.GET.get("q", "").strip()[:200]
    documents, current = selectors.work_list(
        user=request.user, tab=request.GET.get("list", "all"), state=state,
        series_id=parse_id(series), query=query,
    )
    page = page_of(documents, PER_PAGE, request.GET)
    statuses = translation_statuses(page)
    for document in page:
        document.translation_status = statuses[document.pk]
    return render(request, "documents/worklist.html", {
        "page": page,
        "lists": LISTS.items(),
        "current": current,
        "states": Document.State.choices,
        "state": state,
        "series_list": Series.objects.all(),
        "series": series,
        "query": query,
        "kinds": kinds(),
    })


def _editor(request, *, kind, form, document=None, stale=None, merge=None, stale_base=None):
    status = translation_status(document) if document else {}
    return render(request, "documents/document_editor.html", {
        "kind": kind,
        "form": form,
        "columns": [(lang, fields, status.get(lang)) for lang, fields in form.columns],
        "document": document,
        "stale": stale,
        "stale_base": stale_base,
        "merge_rows": merge,
    })


def _merged_editor(request, *, kind, document, error, comment, base_revision):
    """After an edit conflict: the form holds the three-way merge on top of the newest
    revision (yours where both changed a piece, with the choice to make), and the page says
    per language and field what each person changed."""
    latest = error.latest
    form_class = kind.get_form_class()
    initial = {**form_class.initial_from(error.merge.content, latest.number),
               "comment": comment, "merged_from": base_revision}
    form = form_class(initial=initial, document=document,
                      conflicts=[piece.key for piece in error.merge.conflicts])
    their_name = latest.author.get_full_name() or latest.author.get_username()
    rows = merge_rows(document, error.merge, form, their_name=their_name)
    return _editor(request, kind=kind, form=form, document=document, stale=error.message,
                   merge=rows)


@staff_required
def create(request, kind_key):
    services.require_drafter(request.user)
    try:
        kind = get_kind(kind_key)
    except KeyError:
        raise Http404 from None
    form_class = kind.get_form_class()
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            document = services.document_create(
                kind=kind, author=request.user, content=form.to_content(),
                comment=form.cleaned_data["comment"],
            )
            messages.success(request, _("Saved as revision 1."))
            return redirect(document)
    else:
        form = form_class(initial={
            "base_revision": 0, "languages": language_codes(), **kind.initial
        })
    return _editor(request, kind=kind, form=form)


@staff_required
def edit(request, pk):
    document = get_document(pk)
    kind = get_kind(document.kind)
    if not document.is_editable:
        messages.error(request, _("Only a draft can be edited. Return it to draft first."))
        return redirect(document)
    form_class = kind.get_form_class()
    stale = stale_base = None
    if request.method == "POST":
        services.require_drafter(request.user)
        form = form_class(request.POST, document=document)
        if form.is_valid():
            try:
                revision = services.revision_create(
                    document=document, author=request.user, content=form.to_content(),
                    base_revision=form.cleaned_data["base_revision"],
                    comment=form.cleaned_data["comment"],
                )
            except services.StaleRevision as error:
                if error.merge is not None:
                    return _merged_editor(
                        request, kind=kind, document=document, error=error,
                        comment=form.cleaned_data["comment"],
                        base_revision=form.cleaned_data["base_revision"])
                stale, stale_base = error.message, error.latest.number
            except services.DocumentError as error:
                messages.error(request, error.message)
                return redirect(document)
            else:
                if revision is None:
                    messages.info(request, _("Nothing had changed; no new revision was made."))
                else:
                    messages.success(request, _("Saved as revision %(number)s.")
                                     % {"number": revision.number})
                return redirect(document)
    else:
        form = form_class(initial=form_class.initial_from(
            content_mod.snapshot(document), document.revision_number
        ), document=document)
    merge = _open_conflicts(document, form) if form.is_bound and form.conflicts else None
    return _editor(request, kind=kind, form=form, document=document, stale=stale,
                   stale_base=stale_base, merge=merge)


def _open_conflicts(document, form):
    """A resolution form that came back with an error still shows what is to decide."""
    numbers = [form.data.get("merged_from"), form.data.get("base_revision")]
    found = {str(r.number): r.content for r in document.revisions.filter(
        number__in=[n for n in numbers if str(n).isdigit() and len(str(n)) < 10])}
    if numbers[1] not in found:
        return None
    merge = open_conflicts(base=found.get(numbers[0], found[numbers[1]]),
                           theirs=found[numbers[1]], typed=form.typed_values(),
                           keys=form.conflicts)
    latest = document.revisions.select_related("author").get(number=int(numbers[1]))
    name = latest.author.get_full_name() or latest.author.get_username()
    return merge_rows(document, merge, form, their_name=name)


@staff_required
@require_POST
def preview(request, kind_key):
    """The live preview of the editor (htmx): the text as it will read, with the checks."""
    try:
        kind = get_kind(kind_key)
    except KeyError:
        raise Http404 from None
    form = kind.get_form_class()(request.POST)
    form.is_valid()
    content = form.to_content() if not form.errors else None
    context = {"kind": kind, "form": form, "content": content, "languages": language_codes()}
    if content is not None:
        draft = kind.model(kind=kind.key)
        content_mod.apply(draft, content)
        context["document"] = draft
        context["findings"] = run_checks(draft, content=content, status={})
        context["print_preview"] = print_preview(
            kind, draft, enclosures=referenced_items(content["enclosures"]))
    return render(request, "documents/document_preview.html", context)


@staff_required
def detail(request, pk):
    document = get_document(pk)
    kind = get_kind(document.kind)
    live = not document.is_frozen
    findings = run_checks(document) if live else None
    corrections = list(document.corrections.select_related("series").order_by("pk"))
    issued = IssuedRevision.objects.filter(document=document).first() if not live else None
    return render(request, "documents/document_detail.html", {
        "issued": issued,
        "issue_window": issue_window(document) if document.state == Document.State.APPROVED
        else None,
        "document": document,
        "kind": kind,
        "status": translation_status(document),
        "findings": findings,
        "transitions": available_transitions(document, request.user),
        "events": document.events.select_related("actor")[:20],
        "languages": [lang for lang in language_codes() if lang in document.languages],
        "enclosures": enclosed_items(document),
        "corrections": corrections,
        "can_correct": not live and request.user.has_perm("accounts.draft_documents"),
        "pending_correction": any(
            c.state not in (*Document.FROZEN_STATES, Document.State.DISCARDED)
            for c in corrections),
        "print_preview": print_preview(kind, document),
        "reference": reference_of(document),
        "cited_by": citing(document),
        "xliff_targets": target_languages(document) if document.languages else [],
        **panel_context(document),
    })


@staff_required
@require_POST
def transition(request, pk, action):
    """submit, approve, return, withdraw."""
    if action not in ("submit", "approve", "return", "withdraw", "discard", "reinstate"):
        raise Http404
    document = get_document(pk)
    try:
        services.document_transition(
            document=document, action=action, by=request.user,
            comment=request.POST.get("comment", "")[:2000],
            acknowledge_warnings=request.POST.get("acknowledge_warnings") == "on",
        )
    except services.DocumentError as error:
        messages.error(request, error.message)
    else:
        document.refresh_from_db(fields=["state"])
        messages.success(request, _("Done: the document is now in the state “%(state)s”.")
                         % {"state": document.get_state_display()})
    return redirect(document)


@staff_required
@require_POST
@reauthentication_required
def issue(request, pk):
    """Number, date and freeze: the registrar confirms the password first."""
    document = get_document(pk)
    try:
        issued = services.document_issue(
            document=document, by=request.user,
            issued_on=_date_input(request.POST.get("issued_on", "")),
            acknowledge_warnings=request.POST.get("acknowledge_warnings") == "on",
            comment=request.POST.get("comment", "")[:2000],
            backdating_reason=request.POST.get("backdating_reason", "")[:2000],
        )
    except services.DocumentError as error:
        messages.error(request, error.message)
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Issued as № %(symbol)s.") % {"symbol": issued.symbol}
                         if issued.symbol else _("Issued."))
    return redirect(document)


@staff_required
@require_POST
def correct(request, pk):
    """Start (or go back to) the correction of an issued or withdrawn document."""
    document = get_document(pk)
    services.require_drafter(request.user)
    try:
        correction, left_out = services.document_correct(document=document, by=request.user)
    except services.DocumentError as error:
        messages.error(request, error.message)
        return redirect(document)
    for message in left_out:
        messages.warning(request, _("Left out of the correction: %(reason)s")
                         % {"reason": message})
    messages.success(request, _("This is the correction of %(document)s: a new draft with "
                                "the text that was issued. It gets its own number when it "
                                "is issued.") % {"document": document.label})
    return redirect("documents:edit", pk=correction.pk)


def _date_input(value: str):
    """The date field of the issue form (the browser sends YYYY-MM-DD); empty for today.
    Which dates are allowed is the issue service's rule."""
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(_("The date of issue must be a date such as 2024-03-06.")) from None
