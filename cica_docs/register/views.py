"""The register page, its exports (CSV, XLSX) and the printable register of a month or year."""

import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cica_docs.accounts.access import role_required, staff_required
from cica_docs.circulation.models import MemberState
from cica_docs.documents.access import get_document
from cica_docs.documents.issue_dates import astana_today
from cica_docs.documents.kinds import kinds
from cica_docs.documents.models import Series
from cica_docs.ids import parse_id
from cica_docs.rendering.pdf import RenderError

from . import assignments, exports, notifications, queues, selectors
from .models import StaffNotification

PAGE_SIZE = 100
NOTIFICATIONS_SHOWN = 100
FIRST_YEAR = 1992  # the Conference was founded in 1992: no register starts earlier


def year_of(value) -> int | None:
    year = parse_id(value)
    return year if year is not None and FIRST_YEAR <= year <= astana_today().year + 1 else None


def filters_of(data: QueryDict) -> selectors.Filters:
    """The register's filters from a query string; a value that names nothing is ignored."""
    series_id, state_id = parse_id(data.get("series", "")), parse_id(data.get("state", ""))
    month = parse_id(data.get("month", ""))
    kind = data.get("kind", "")
    return selectors.Filters(
        series=Series.objects.filter(pk=series_id).first() if series_id else None,
        year=year_of(data.get("year", "")),
        month=month if month is not None and 1 <= month <= 12 else None,
        kind=kind if kind in {k.key for k in kinds()} else "",
        state_id=state_id if state_id and MemberState.objects.filter(pk=state_id).exists()
        else None,
        query=data.get("q", "").strip()[:200],
    )


def _key(values) -> tuple | None:
    return tuple(values) if values else None


@staff_required
def register(request):
    filters = filters_of(request.GET)
    issued = selectors.issued_rows(filters)
    page = Paginator(issued, PAGE_SIZE).get_page(request.GET.get("page"))
    keys = issued.values_list("document__series__code", "document__number_year",
                              "document__number")
    start = page.start_index() - 1
    after = _key(keys[start - 1]) if start > 0 else None
    upto = _key(keys[page.end_index() - 1]) if page.has_next() else None
    lines = selectors.merged(selectors.entries(list(page.object_list)),
                             selectors.gaps(filters), after=after, upto=upto)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "register/register.html", {
        "page": page,
        "entries": lines,
        "filters": filters,
        "query_string": query.urlencode(),
        "series_list": Series.objects.all(),
        "kinds": kinds(),
        "states": MemberState.objects.all().sorted(),
        "years": range(astana_today().year, FIRST_YEAR - 1, -1),
        "months": [(number, formats.date_format(datetime.date(2000, number, 1), "F"))
                   for number in range(1, 13)],
    })


def _stem(filters: selectors.Filters) -> str:
    parts = ["register"]
    if filters.series is not None:
        parts.append(filters.series.code.replace("/", "-"))
    if filters.year:
        parts.append(str(filters.year))
    if filters.month:
        parts.append(f"{filters.month:02d}")
    return "_".join(parts)


@staff_required
def export(request, format):
    filters = filters_of(request.GET)
    lines = selectors.register(filters)
    if format == "csv":
        response = HttpResponse(exports.as_csv(lines), content_type="text/csv; charset=utf-8")
    elif format == "xlsx":
        response = HttpResponse(
            exports.as_xlsx(lines),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        messages.error(request, _("The register can be exported as CSV or XLSX."))
        return redirect("register:register")
    response["Content-Disposition"] = f'attachment; filename="{_stem(filters)}.{format}"'
    return response


@staff_required
def printable(request):
    """The register of a month (`?year=2026&month=3`) or a year (`?year=2026`) as PDF."""
    filters = filters_of(request.GET)
    filters.year = filters.year or astana_today().year
    if filters.month:
        period = formats.date_format(datetime.date(filters.year, filters.month, 1),
                                     "YEAR_MONTH_FORMAT")
    else:
        period = str(filters.year)
    lines = selectors.register(filters)
    if not lines:
        messages.info(request, _("The register has no number for %(period)s: there is nothing "
                                 "to print.") % {"period": period})
        return redirect("register:register")
    try:
        data = exports.as_pdf(lines, period=period)
    except RenderError:
        messages.error(request, _("The printable register could not be made; please choose "
                                  "a shorter period or try again."))
        return redirect("register:register")
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{_stem(filters)}.pdf"'
    return response


@staff_required
def my_work(request):
    """The landing page of the Secretariat: each of the person's work queues, with how many
    documents wait in it and the longest waiting first."""
    counts = queues.queue_counts(request.user)
    sections = []
    for queue in queues.queues_for(request.user):
        items = list(queues.queue_items(queue.key, request.user)[:queues.SHOWN])
        sections.append({"queue": queue, "count": counts[queue.key], "items": items})
    return render(request, "register/my_work.html", {"sections": sections})


@staff_required
def notification_list(request):
    """The person's notifications, newest first; mark them read; e-mail on or off."""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "read":
            notifications.mark_read(request.user)
            messages.success(request, _("Every notification is marked as read."))
        elif action in ("email-on", "email-off"):
            notifications.set_email(request.user, action == "email-on")
            messages.success(request, _("You will be told by e-mail too.") if action == "email-on"
                             else _("You will no longer be told by e-mail."))
        return redirect("notifications")
    items = list(StaffNotification.objects.filter(recipient=request.user)
                 .select_related("actor", "document__series")[:NOTIFICATIONS_SHOWN])
    for item in items:
        item.message = notifications.message(item)
    return render(request, "register/notifications.html", {
        "items": items,
        "email_on": notifications.wants_email(request.user),
        "has_email": bool(request.user.email),
        "unread": sum(1 for item in items if item.read_at is None),
    })


@role_required(assignments.can_assign)
@require_POST
def assign(request, pk):
    """Give a document still in work to a colleague, with a due date; or take it back."""
    document = get_document(pk)
    back = redirect(document.get_absolute_url())
    if document.state not in assignments.OPEN_STATES:
        messages.error(request, _("Only a document still in work can be assigned."))
        return back
    form = assignments.AssignmentForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
        return back
    data = form.cleaned_data
    assignment = assignments.assign(document=document, assignee=data["assignee"],
                                    due_on=data["due_on"], meeting=data["meeting"],
                                    by=request.user, request=request)
    messages.success(request, _("The assignment was saved.") if assignment
                     else _("The assignment was removed."))
    return back
