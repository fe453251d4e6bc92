"""A signed letter as it prints: one LetterCopy per language it is issued in, laid out by
templates/letters/print.html (the editor's preview shows the same parts)."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from cica_docs.languages import language_codes
from cica_docs.letterhead import parts
from cica_docs.letterhead.models import Letterhead
from cica_docs.rendering.markup import plain_html, render_markdown
from cica_docs.rendering.pdf import Part
from cica_docs.typography import typeset_document

from .models import Formula, Signatory

TEMPLATE = "letters/print.html"


@dataclass(frozen=True)
class LetterCopy:
    language: str
    letterhead_lines: list[str]
    number: SafeString  # "CICA/SG/12", "___" for a numbered draft, "" when unnumbered
    place_date: SafeString
    addressee_block: list[SafeString]  # as typed
    salutation: SafeString
    body_html: SafeString  # from render_markdown: escaped, no URLs
    close: SafeString  # "" when switched off
    signatory_name: SafeString
    signatory_title: SafeString
    enclosure_lines: list[SafeString]
    is_draft: bool


def chosen(letter) -> dict:
    """The formulas and signatory the letter prints: its own choice, or the usual one."""
    return {
        "salutation": letter.salutation or Formula.usual(Formula.Part.SALUTATION),
        "close": (letter.complimentary_close or Formula.usual(Formula.Part.CLOSE))
        if letter.closing else None,
        "signatory": letter.signatory or Signatory.usual(),
    }


def _number(letter) -> str:
    if letter.symbol:
        return letter.symbol
    return "___" if letter.series_id and letter.issued_on is None else ""


def letter_copies(letter, *, enclosure_pages=(), letterhead=None) -> list[LetterCopy]:
    """The copies of `letter`, in the order of settings.LANGUAGES."""
    letterhead = letterhead or Letterhead.current()
    formulas = chosen(letter)
    copies = []
    for lang in language_codes():
        if lang not in letter.languages:
            continue
        copies.append(LetterCopy(
            language=lang,
            letterhead_lines=parts.letterhead_lines(lang, letterhead),
            number=plain_html(_number(letter)),
            place_date=plain_html(parts.place_date(letter, lang, letterhead=letterhead)),
            addressee_block=[plain_html(line) for line in
                             parts.lines(parts.text(letter, "addressee_block", lang))],
            salutation=plain_html(parts.text(formulas["salutation"], "text", lang)),
            body_html=mark_safe(render_markdown(parts.text(letter, "body", lang))),  # noqa: S308
            close=plain_html(parts.text(formulas["close"], "text", lang)),
            signatory_name=plain_html(parts.text(formulas["signatory"], "name", lang)),
            signatory_title=plain_html(parts.text(formulas["signatory"], "title", lang)),
            enclosure_lines=[plain_html(line) for line
                             in parts.enclosure_lines(lang, enclosure_pages, letterhead)],
            is_draft=letter.issued_on is None,
        ))
    return copies


def letter_html(copy: LetterCopy, *, title: str, emblem: str | None = None) -> str:
    """The print HTML of one language copy, typeset for print."""
    context = parts.page_context(copy.language, title=title, is_draft=copy.is_draft,
                                 letterhead_lines=copy.letterhead_lines, emblem=emblem)
    return typeset_document(render_to_string(TEMPLATE, {**context, "copy": copy}),
                            copy.language)


def print_parts(letter, *, enclosure_pages=()) -> list[Part]:
    letterhead = Letterhead.current()
    title = letter.symbol or letter.title or ""
    return [
        Part(f"{copy.number or title} ({copy.language.upper()})",
             letter_html(copy, title=title, emblem=letterhead.emblem.name or None))
        for copy in letter_copies(letter, enclosure_pages=enclosure_pages,
                                  letterhead=letterhead)
    ]

