"""A note as the rendering layer prints it: one NoteCopy per language it is issued in."""

from django.utils import timezone

from cica_docs.languages import format_place_date, language_codes
from cica_docs.rendering.markup import render_markdown

from . import formulas as f
from .layout import NoteCopy, note_parts
from .models import FormulaSet


def enclosure_lines(lang: str, page_counts: list[int], formulas: FormulaSet) -> list[str]:
    template = getattr(formulas, f"enclosure_template_{lang}", "") or ""
    return [f.fill(template, pages=str(pages)) for pages in page_counts]


def note_copies(note, *, enclosure_pages: list[int] = (), formulas=None) -> list[NoteCopy]:
    """The copies of `note`, in the order of settings.LANGUAGES.

    A draft has no number and no date yet: it prints "№ ___", today's date and a DRAFT mark.
    """
    formulas = formulas or FormulaSet.current()
    issued = note.issued_on is not None
    day = note.issued_on or timezone.localdate()
    return [
        NoteCopy(
            language=lang,
            letterhead_lines=f.letterhead_lines(lang, formulas),
            symbol=note.symbol,
            opening=f.opening_paragraph(note, lang, formulas),
            body_html=render_markdown(getattr(note, f"body_{lang}") or ""),
            closing=f.closing_paragraph(note, lang, formulas),
            enclosure_lines=enclosure_lines(lang, list(enclosure_pages), formulas),
            place_date=format_place_date(f.place(note, lang, formulas), day, lang),
            addressee_block=f.addressee_block(note, lang),
            is_draft=not issued,
            subject=f.subject_line(note, lang),
        )
        for lang in language_codes()
        if lang in note.languages
    ]


def print_parts(note, *, enclosure_pages=()):
    """One print part per language the note is issued in (the platform's kind hook)."""
    formulas = FormulaSet.current()
    copies = note_copies(note, enclosure_pages=enclosure_pages, formulas=formulas)
    return note_parts(
        copies, title=note.symbol or note.title or "", emblem=formulas.emblem.name or None
    )
