"""The register of outgoing documents: every number given in every series, in order, with
the numbers left unused on purpose (`NumberGap`) where they fall.

One reading for every way out of it — the page, the CSV and XLSX exports, the printable PDF
and the API (`GET /api/v1/register/`) — so that they cannot disagree. A page of the register
costs the same number of queries whatever its length: the dispatch figures are subqueries,
corrections, withdrawals and circulation lists one query each for the page, and the
addressees one query per kind (`DocumentKind.register_addressees`).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from cica_docs.circulation.models import Dispatch, DispatchRecipient, Receipt
from cica_docs.documents.kinds import get_kind, kinds
from cica_docs.documents.models import (
    Document,
    IssuedRevision,
    NumberGap,
    Series,
    WorkflowEvent,
)
from cica_docs.documents.selectors import search_condition

DOCUMENT, GAP = "document", "gap"


@dataclass
class Filters:
    series: Series | None = None
    year: int | None = None
    month: int | None = None
    kind: str = ""
    state_id: int | None = None  # a member state the document was dispatched to
    query: str = ""

    @property
    def only_documents(self) -> bool:
        """Skipped numbers have no kind, recipient or subject: a filter on those hides them."""
        return bool(self.kind or self.state_id or self.query)


@dataclass
class Entry:
    """One line of the register: an issued document, or a run of numbers left unused."""

    type: str
    series: str
    year: int  # the numbering year of a yearly series, 0 for a continuous one
    number: int  # the first number of a gap
    last: int | None = None  # the last number of a gap
    date: datetime.date | None = None
    symbol: str = ""
    document: Document | None = None
    kind_label: str = ""
    subject: str = ""
    addressee: str = ""
    languages: list = field(default_factory=list)
    issued_by: str = ""
    revisers: list = field(default_factory=list)  # [(language, name)] who signed off
    lists: list = field(default_factory=list)
    reached: int = 0
    downloaded: int = 0
    acknowledged: int = 0
    withdrawn_on: datetime.date | None = None
    withdrawal_reason: str = ""
    corrects: str = ""
    corrected_by: list = field(default_factory=list)
    reason: str = ""  # why the numbers of a gap were left unused; why a date is earlier

    @property
    def key(self) -> tuple:
        return (self.series, self.year, self.number)

    @property
    def is_gap(self) -> bool:
        return self.type == GAP

    @property
    def number_text(self) -> str:
        if self.is_gap:
            first, last = f"{self.series}/{self.number}", f"{self.series}/{self.last}"
            return first if self.last == self.number else f"{first}–{last}"
        return self.symbol

    @property
    def status_label(self) -> str:
        if self.is_gap:
            return _("Not used")
        if self.withdrawn_on or self.document.state == Document.State.WITHDRAWN:
            return _("Withdrawn")
        return _("Issued")


def _distinct_states(receipts) -> Subquery:
    return Coalesce(Subquery(
        receipts.filter(document_id=OuterRef("document_id")).order_by()
        .values("document_id").annotate(n=Count("state_id", distinct=True)).values("n"),
        output_field=IntegerField(),
    ), 0)


def issued_rows(filters: Filters):
    """The issued revisions of numbered documents that pass `filters`, in register order."""
    rows = (
        IssuedRevision.objects.filter(document__number__isnull=False,
                                      document__series__isnull=False)
        .select_related("document__series", "document__corrects__series", "issued_by")
        .annotate(
            reached=_distinct_states(DispatchRecipient.objects.all()),
            downloaded=_distinct_states(Receipt.objects.filter(mode__in=Receipt.FILE_MODES)),
            acknowledged=_distinct_states(
                Receipt.objects.filter(mode=Receipt.Mode.ACKNOWLEDGE)),
        )
        .order_by("document__series__code", "document__number_year", "document__number")
    )
    if filters.series is not None:
        rows = rows.filter(document__series=filters.series)
    if filters.year:
        rows = rows.filter(issued_on__year=filters.year)
    if filters.month:
        rows = rows.filter(issued_on__month=filters.month)
    if filters.kind:
        rows = rows.filter(document__kind=filters.kind)
    if filters.state_id:
        rows = rows.filter(document__dispatches__recipients__state_id=filters.state_id)
    if filters.query:
        rows = rows.filter(search_condition(filters.query, path="document__"))
    return rows


def gaps(filters: Filters) -> list[Entry]:
    """The numbers left unused that pass `filters` (a gap's date is the day it was made)."""
    if filters.only_documents:
        return []
    found = NumberGap.objects.select_related("series", "skipped_by")
    if filters.series is not None:
        found = found.filter(series=filters.series)
    if filters.year:
        found = found.filter(Q(year=filters.year) | Q(year=0, skipped_at__year=filters.year))
    if filters.month:
        found = found.filter(skipped_at__month=filters.month)
    return [
        Entry(type=GAP, series=gap.series.code, year=gap.year, number=gap.first, last=gap.last,
              date=timezone.localdate(gap.skipped_at), reason=gap.reason,
              issued_by=_name(gap.skipped_by))
        for gap in found
    ]


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def entries(issued: list[IssuedRevision]) -> list[Entry]:
    """The register's lines for `issued` (a page of `issued_rows`), with what they need
    read in a constant number of queries."""
    pks = [row.document_id for row in issued]
    lists: dict[int, list[str]] = {}
    localized = build_localized_fieldname("name", get_language() or settings.LANGUAGE_CODE)
    for document_id, name, fallback in (
            Dispatch.objects.filter(document_id__in=pks).order_by("dispatched_at", "pk")
            .values_list("document_id", f"circulation_list__{localized}",
                         "circulation_list__name")):
        name = name or fallback
        if name not in lists.setdefault(document_id, []):
            lists[document_id].append(name)
    corrections: dict[int, list[str]] = {}
    for correction in (Document.objects.filter(corrects_id__in=pks,
                                               state__in=Document.FROZEN_STATES)
                       .select_related("series").order_by("number")):
        corrections.setdefault(correction.corrects_id, []).append(correction.label)
    withdrawals = {event.document_id: event for event in
                   WorkflowEvent.objects.filter(document_id__in=pks, action="withdraw")}
    from cica_docs.workbench.gate import issued_revisers

    revisers = issued_revisers(row.pk for row in issued)
    addressees: dict[int, str] = {}
    by_kind: dict[str, list[Document]] = {}
    for row in issued:
        by_kind.setdefault(row.document.kind, []).append(row.document)
    for key, documents in by_kind.items():
        addressees.update(get_kind(key).register_addressees(documents))
    found = []
    for row in issued:
        document = row.document
        withdrawal = withdrawals.get(document.pk)
        found.append(Entry(
            type=DOCUMENT, series=document.series.code, year=document.number_year,
            number=document.number, date=row.issued_on, symbol=row.symbol or document.symbol,
            document=document, kind_label=str(document.kind_label),
            subject=document.display_title, addressee=addressees.get(document.pk, ""),
            languages=list(document.languages), issued_by=_name(row.issued_by),
            revisers=revisers.get(row.pk, []),
            lists=lists.get(document.pk, []), reached=row.reached, downloaded=row.downloaded,
            acknowledged=row.acknowledged,
            withdrawn_on=timezone.localdate(withdrawal.at) if withdrawal else None,
            withdrawal_reason=withdrawal.comment if withdrawal else "",
            corrects=document.corrects.label if document.corrects_id else "",
            corrected_by=corrections.get(document.pk, []),
            reason=row.backdating_reason or "",
        ))
    return found


def merged(lines: list[Entry], unused: list[Entry], *, after: tuple | None,
           upto: tuple | None) -> list[Entry]:
    """`lines` with the gaps that fall between `after` (the key of the last line of the
    previous page; None on the first) and `upto` (of this page's last line; None on the
    last page), in register order."""
    placed = [gap for gap in unused
              if (after is None or gap.key > after) and (upto is None or gap.key <= upto)]
    return sorted([*lines, *placed], key=lambda entry: entry.key)


def register(filters: Filters) -> list[Entry]:
    """The whole register for `filters` (the exports and the printable register)."""
    return merged(entries(list(issued_rows(filters))), gaps(filters), after=None, upto=None)


def kind_choices() -> list[tuple[str, str]]:
    return [(kind.key, str(kind.label)) for kind in kinds()]
