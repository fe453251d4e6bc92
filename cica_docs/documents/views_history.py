"""History of a document: revisions and events, the diff of any two, restore."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cica_docs.languages import language_codes

from . import services
from .access import get_document, staff_required
from .diff import revision_diff


@staff_required
def history(request, pk):
    document = get_document(pk)
    revisions = document.revisions.select_related("author").order_by("-number")
    return render(request, "documents/document_history.html", {
        "document": document,
        "revisions": revisions,
        "events": document.events.select_related("actor"),
    })


def _revision_number(value, default):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if 0 < number < 2**31 else default


@staff_required
def diff(request, pk):
    document = get_document(pk)
    latest = document.revision_number
    b = _revision_number(request.GET.get("b"), latest)
    a = _revision_number(request.GET.get("a"), max(b - 1, 1))
    revisions = {r.number: r for r in document.revisions.filter(number__in=[a, b])}
    if a not in revisions or b not in revisions:
        raise Http404
    rows = revision_diff(document, revisions[a].content, revisions[b].content)
    return render(request, "documents/document_diff.html", {
        "document": document,
        "a": revisions[a],
        "b": revisions[b],
        "numbers": list(document.revisions.order_by("-number").values_list("number", flat=True)),
        "by_language": [
            (lang, [row for row in rows if row.language == lang]) for lang in language_codes()
        ],
        "plain_rows": [row for row in rows if not row.language],
        "changed": any(row.changed for row in rows),
    })


@staff_required
@require_POST
def restore(request, pk):
    document = get_document(pk)
    services.require_drafter(request.user)
    number = _revision_number(request.POST.get("number"), None)
    base = _revision_number(request.POST.get("base_revision"), None)
    if number is None or base is None or not document.revisions.filter(number=number).exists():
        raise Http404
    try:
        revision = services.revision_restore(
            document=document, number=number, author=request.user, base_revision=base
        )
    except services.DocumentError as error:
        messages.error(request, error.message)
    else:
        if revision is None:
            messages.info(request, _("That revision is the same as the current text."))
        else:
            messages.success(request, _("Revision %(old)s restored as revision %(new)s.")
                             % {"old": number, "new": revision.number})
    return redirect("documents:history", pk=document.pk)
