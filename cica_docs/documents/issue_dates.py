"""The rule for the date a document is issued under, in one place for the browser and the
API (the issue service applies it).

The register must read in order: a date may not lie after today in Astana, nor before the
date of the previous number of the same series. Inside that window, a date before today
(back-dating: a note signed on Friday and registered on Monday) needs a reason, which is
kept with the issued record and shown wherever its date is.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cica_docs.languages import format_date, language_codes

from .models import Document

EARLIEST = datetime.date(2000, 1, 1)  # no document of the Secretariat's is older
REASON_MAX = 500
# The reason the demo data gives for its fixed, earlier dates (`manage.py demo`).
DEMO_BACKDATING = "Demo data: dated as in the example."


def astana_today() -> datetime.date:
    """Today in the Secretariat's time zone (settings.TIME_ZONE, Asia/Almaty: Astana),
    whatever time zone a request may have activated."""
    return timezone.localdate(timezone=timezone.get_default_timezone())


@dataclass(frozen=True)
class IssueWindow:
    earliest: datetime.date
    latest: datetime.date
    previous_symbol: str = ""  # the number whose date is the lower bound, if any


def issue_window(document) -> IssueWindow:
    """The dates `document` may be issued under. Called inside the issuing transaction
    after the series row is locked, so a concurrent issue cannot slip a later date in."""
    today = astana_today()
    previous = None
    if document.series_id:
        previous = (
            Document.objects.filter(series_id=document.series_id, number__isnull=False)
            .exclude(pk=document.pk)
            .select_related("series")
            .order_by("-number_year", "-number")
            .first()
        )
    if previous is None or previous.issued_on is None:
        return IssueWindow(EARLIEST, today)
    return IssueWindow(max(previous.issued_on, EARLIEST), today, previous.symbol)


def _shown(day: datetime.date) -> str:
    language = (get_language() or "en").split("-")[0]
    return format_date(day, language if language in language_codes() else language_codes()[0])


def issue_date_problem(document, issued_on: datetime.date, reason: str) -> tuple[str, str] | None:
    """(field, message) when `issued_on` may not be used, the field being "date" or
    "backdating_reason"; None when it may."""
    window = issue_window(document)
    if issued_on > window.latest:
        return "date", _("The date of issue cannot lie after today (%(today)s, Astana time).") % {
            "today": _shown(window.latest)}
    if issued_on < window.earliest:
        if window.previous_symbol:
            return "date", _(
                "The date of issue cannot lie before that of the previous number, "
                "№ %(symbol)s, issued on %(date)s: the register must read in order."
            ) % {"symbol": window.previous_symbol, "date": _shown(window.earliest)}
        return "date", _("The date of issue cannot lie before %(date)s.") % {
            "date": _shown(window.earliest)}
    if issued_on < window.latest and not reason.strip():
        return "backdating_reason", _(
            "The date of issue, %(date)s, is before today: say why the document is dated "
            "earlier (the reason is kept with the register entry)."
        ) % {"date": _shown(issued_on)}
    if len(reason) > REASON_MAX:
        return "backdating_reason", _("Please keep the reason under %(max)s characters.") % {
            "max": REASON_MAX}
    return None
