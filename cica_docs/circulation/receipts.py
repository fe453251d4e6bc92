"""What the registrar sees of a dispatch: per recipient state, notice delivered, downloaded
or not yet; on the page and as CSV. States are in the interface language's alphabet."""

import csv
import io
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from cica_docs.issuing.models import PACKAGE
from cica_docs.languages import language_codes, sort_key

from .models import Dispatch, MemberState, Notice, Receipt, variant_label

ACKNOWLEDGED = "acknowledged"
DOWNLOADED = "downloaded"
DELIVERED = "delivered"
NOT_YET = "not-yet"


@dataclass
class Row:
    state: MemberState
    notices: list = field(default_factory=list)
    receipts: list = field(default_factory=list)  # files served, newest first
    acknowledgement: Receipt | None = None

    @property
    def sent(self) -> int:
        return sum(1 for notice in self.notices if notice.status == Notice.Status.SENT)

    @property
    def failed(self) -> int:
        return sum(1 for notice in self.notices if notice.status == Notice.Status.FAILED)

    @property
    def first_receipt(self):
        return self.receipts[-1] if self.receipts else None

    @property
    def status(self) -> str:
        if self.acknowledgement is not None:
            return ACKNOWLEDGED
        if self.receipts:
            return DOWNLOADED
        if self.sent:
            return DELIVERED
        return NOT_YET

    @property
    def status_label(self) -> str:
        return {ACKNOWLEDGED: _("Receipt acknowledged"), DOWNLOADED: _("Downloaded"),
                DELIVERED: _("Notice delivered"), NOT_YET: _("Not yet")}[self.status]

    @property
    def downloaded_by(self) -> list[str]:
        names = []
        for receipt in reversed(self.receipts):
            name = receipt.user.get_full_name() or receipt.user.get_username()
            if name not in names:
                names.append(name)
        return names

    @property
    def variants(self) -> list[str]:
        return sorted({receipt.variant for receipt in self.receipts})

    @property
    def variant_labels(self) -> list[str]:
        """The files downloaded, named in the interface language, languages first in their
        usual order, then the package ("Russian", "Package")."""
        order = [*language_codes(), PACKAGE]
        ranked = sorted(self.variants, key=lambda v: order.index(v) if v in order else len(order))
        return [variant_label(variant) for variant in ranked]


def dispatch_matrix(dispatch: Dispatch) -> list[Row]:
    rows = {r.state_id: Row(r.state) for r in dispatch.recipients.select_related("state")}
    for notice in dispatch.notices.all():
        rows[notice.state_id].notices.append(notice)
    for receipt in dispatch.receipts.select_related("user"):  # newest first
        if receipt.state_id not in rows:
            continue
        if receipt.mode == Receipt.Mode.ACKNOWLEDGE:
            rows[receipt.state_id].acknowledgement = receipt
        else:
            rows[receipt.state_id].receipts.append(receipt)
    return sorted(rows.values(), key=lambda row: sort_key(row.state.name))


def spreadsheet_cell(value) -> str:
    # A cell starting with = + - @ is a formula to a spreadsheet: never let a name be one.
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _moment(receipt) -> str:
    return timezone.localtime(receipt.at).isoformat(timespec="seconds") if receipt else ""


def matrix_csv(rows: list[Row]) -> str:
    """UTF-8 with a byte-order mark, so that Excel reads Cyrillic and Kazakh correctly."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([_("Member state"), _("Code"), _("Status"), _("Notices sent"),
                     _("Notices failed"), _("First download"), _("Downloaded by"), _("Files"),
                     _("Receipt acknowledged"), _("Acknowledged by")])
    for row in rows:
        first, acknowledgement = row.first_receipt, row.acknowledgement
        writer.writerow([spreadsheet_cell(value) for value in (
            row.state.name, row.state.code, row.status_label, row.sent, row.failed,
            _moment(first), "; ".join(row.downloaded_by), "; ".join(row.variant_labels),
            _moment(acknowledgement),
            (acknowledgement.user.get_full_name() or acknowledgement.user.get_username())
            if acknowledgement else "",
        )])
    return out.getvalue()
