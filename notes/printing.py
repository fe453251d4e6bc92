"""A note as the rendering layer prints it: one NoteCopy per language it is issued in."""

from cica_docs.languages import language_codes
from cica_docs.letterhead import parts
from cica_docs.letterhead.models import Letterhead
from cica_docs.rendering.markup import render_markdown

from . import formulas as f
from .layout import NoteCopy, note_parts
from .models import FormulaSet


def note_copies(note, *, enclosure_pages: list[int] = (), formulas=None,
                letterhead=None) -> list[NoteCopy]:
    """The copies of `note`, in the order of settings.LANGUAGES.

    A draft has no number and no date yet: it prints "№ ___", today's date and a DRAFT mark.
    """
    formulas = formulas or FormulaSet.current()
    letterhead = letterhead or Letterhead.current()
    return [
        NoteCopy(
            language=lang,
            letterhead_lines=parts.letterhead_lines(lang, letterhead),
            symbol=note.symbol,
            opening=f.opening_paragraph(note, lang, formulas, letterhead),
            body_html=render_markdown(getattr(note, f"body_{lang}") or ""),
            closing=f.closing_paragraph(note, lang, formulas, letterhead),
            enclosure_lines=parts.enclosure_lines(lang, enclosure_pages, letterhead),
            place_date=f.place_date(note, lang, letterhead),
            addressee_block=f.addressee_block(note, lang),
            is_draft=note.issued_on is None,
            subject=f.subject_line(note, lang),
        )
        for lang in language_codes()
        if lang in note.languages
    ]


def print_parts(note, *, enclosure_pages=()):
    """One print part per language the note is issued in (the platform's kind hook)."""
    letterhead = Letterhead.current()
    copies = note_copies(note, enclosure_pages=enclosure_pages, letterhead=letterhead)
    return note_parts(
        copies, title=note.symbol or note.title or "", emblem=letterhead.emblem.name or None
    )


def sample_parts(*, formulas=None, letterhead=None, emblem=None, addressee=None):
    """A sample note's copy per language printed with these reference data (any of them
    unsaved, being edited): the administrators' PDF preview, a page per language."""
    from .formulas import sample_note

    letterhead = letterhead or Letterhead.current()
    copies = note_copies(sample_note(addressee), enclosure_pages=[10], formulas=formulas,
                         letterhead=letterhead)
    if emblem is None:
        emblem = letterhead.emblem.name or None
    return note_parts(copies, title=str(FormulaSet._meta.verbose_name), emblem=emblem)
