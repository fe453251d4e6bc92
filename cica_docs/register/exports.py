"""The register as a table: the same columns for the CSV, the XLSX and the printable PDF."""

import csv
import io

from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cica_docs.circulation.receipts import spreadsheet_cell as safe_cell
from cica_docs.rendering.pdf import render_pdf

from .selectors import Entry


def headers() -> list[str]:
    return [_("Number"), _("Date"), _("Kind"), _("Subject"), _("Addressee"), _("Languages"),
            _("Issued by"), _("Circulation lists"), _("States reached"), _("Downloaded"),
            _("Acknowledged"), _("Status"), _("Corrections"), _("Remarks")]


def remarks(entry: Entry) -> str:
    """The reason for unused numbers, a withdrawal or an earlier date of issue."""
    parts = []
    if entry.is_gap:
        parts.append(entry.reason)
    if entry.withdrawn_on:
        parts.append(_("Withdrawn on %(date)s: %(reason)s") % {
            "date": formats.date_format(entry.withdrawn_on, "SHORT_DATE_FORMAT"),
            "reason": entry.withdrawal_reason})
    if entry.reason and not entry.is_gap:
        parts.append(_("Dated earlier: %(reason)s") % {"reason": entry.reason})
    return "; ".join(part for part in parts if part)


def corrections(entry: Entry) -> str:
    parts = []
    if entry.corrects:
        parts.append(_("Correction of %(document)s") % {"document": entry.corrects})
    if entry.corrected_by:
        parts.append(_("Corrected by %(documents)s") % {
            "documents": ", ".join(entry.corrected_by)})
    return "; ".join(parts)


def row(entry: Entry) -> list:
    """One line of the table; numbers stay numbers (a spreadsheet sums them)."""
    if entry.is_gap:
        return [entry.number_text, entry.date, "", "", "", "", entry.issued_by, "", "", "",
                "", entry.status_label, "", remarks(entry)]
    return [entry.number_text, entry.date, entry.kind_label, entry.subject, entry.addressee,
            ", ".join(code.upper() for code in entry.languages), entry.issued_by,
            ", ".join(entry.lists), entry.reached, entry.downloaded, entry.acknowledged,
            entry.status_label, corrections(entry), remarks(entry)]


def as_csv(entries: list[Entry]) -> str:
    """UTF-8 with a byte-order mark, so that Excel reads Cyrillic and Kazakh correctly."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(headers())
    for entry in entries:
        writer.writerow([safe_cell(value.isoformat() if hasattr(value, "isoformat") else value)
                         for value in row(entry)])
    return out.getvalue()


def as_xlsx(entries: list[Entry]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Register")[:31]
    sheet.append(headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for entry in entries:
        # Text that starts like a formula is kept as text, as in the CSV.
        sheet.append([safe_cell(value) if isinstance(value, str) else value
                      for value in row(entry)])
    for cell in sheet["B"][1:]:
        cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_pdf(entries: list[Entry], *, period: str) -> bytes:
    """The printable register of a month or a year, through the app's renderer."""
    language = get_language() or "en"
    title = _("Register of outgoing documents, %(period)s") % {"period": period}
    html = render_to_string("pdf/register.html", {
        "language": language, "title": title, "headers": headers(),
        "rows": [[formats.date_format(value, "SHORT_DATE_FORMAT")
                  if hasattr(value, "isoformat") else value for value in row(entry)]
                 for entry in entries],
    })
    return render_pdf(html=html, title=title, author=_("CICA Secretariat"), language=language,
                      created=timezone.now())
