"""The note verbale print layout, fed by plain data (notes/printing.py assembles it).

`printing` builds one `NoteCopy` per language (formulas, dates and addressee forms
already filled in from its admin data) and calls `note_parts` (or `render_note`).
Enclosure page counts come from rendering the enclosures first (`render_package` of their
parts -> `page_counts`).
"""

from dataclasses import dataclass
from datetime import datetime

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from cica_docs.letterhead.parts import page_context
from cica_docs.rendering.markup import plain_html
from cica_docs.rendering.pdf import Part, RenderedPdf, render_package
from cica_docs.typography import typeset_document

TEMPLATE = "notes/print.html"


@dataclass(frozen=True)
class NoteCopy:
    language: str  # "en" | "ru" | "kk"
    letterhead_lines: list[str]
    symbol: str  # "NCT/CT/274", or "" for a draft (printed "№ ___")
    opening: str  # the assembled opening paragraph, plain text
    body_html: str  # from render_markdown — trusted as HTML, never from anywhere else
    closing: str  # assembled closing formula or ""
    enclosure_lines: list[str]
    place_date: str  # "Astana, 6 March 2024"
    addressee_block: list[str]  # as the addressee prints it (in capitals or as typed)
    is_draft: bool = False
    subject: str = ""  # "SUBJECT: …" under the number, or ""
    draft_mark: str = ""  # overrides DRAFT_MARKS[language]
    bookmark: str = ""  # outline label; default "№ <symbol> (<LANGUAGE>)"


def note_html(copy: NoteCopy, *, title: str, emblem: str | None = None) -> str:
    """The print HTML of one language copy (also usable for an HTML preview), typeset for
    print: no-break rules, quotes and dashes of its language (`cica_docs.typography`)."""
    context = {
        **page_context(copy.language, title=title, letterhead_lines=copy.letterhead_lines,
                       is_draft=copy.is_draft, emblem=emblem, draft_mark=copy.draft_mark),
        "copy": NoteCopy(
            language=copy.language,
            letterhead_lines=[],
            symbol=plain_html(copy.symbol),
            opening=plain_html(copy.opening),
            body_html="",
            closing=plain_html(copy.closing),
            enclosure_lines=[plain_html(line) for line in copy.enclosure_lines],
            place_date=plain_html(copy.place_date),
            addressee_block=[plain_html(line) for line in copy.addressee_block],
            is_draft=copy.is_draft,
            subject=plain_html(copy.subject),
        ),
        # The body is HTML produced by render_markdown (escaped, no URLs); even so the
        # safe fetcher would refuse anything it referenced.
        "body_html": mark_safe(copy.body_html),  # noqa: S308
    }
    return typeset_document(render_to_string(TEMPLATE, context), copy.language)


def _label(copy: NoteCopy) -> str:
    if copy.bookmark:
        return copy.bookmark
    number = f"№ {copy.symbol}" if copy.symbol else "№ ___"
    return f"{number} ({copy.language.upper()})"


def note_parts(copies: list[NoteCopy], *, title: str, emblem: str | None = None) -> list[Part]:
    """The parts of a package for these copies, to put before enclosure parts."""
    return [Part(_label(c), note_html(c, title=title, emblem=emblem)) for c in copies]


def render_note(
    copies: list[NoteCopy],
    *,
    title: str,
    author: str,
    keywords=(),
    created: datetime | None = None,
    emblem: str | None = None,
    enclosures: list[Part] = (),
) -> RenderedPdf:
    """One PDF: every copy (each from a new page, with its letterhead and numbering), then
    any enclosure parts; a bookmark per part; `page_counts` per part in that order."""
    parts = note_parts(copies, title=title, emblem=emblem) + list(enclosures)
    return render_package(
        parts,
        title=title,
        author=author,
        language=copies[0].language,
        keywords=keywords,
        created=created,
    )
