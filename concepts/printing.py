"""A concept paper as it is printed: one copy per language it is issued in."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from cica_docs.documents.models import Document
from cica_docs.languages import format_month_year, language_codes
from cica_docs.rendering.marks import DRAFT_MARKS
from cica_docs.rendering.markup import plain_html, render_markdown
from cica_docs.rendering.pdf import Part
from cica_docs.typography import typeset_document

TEMPLATE = "concepts/print.html"
# Printed words, data in each copy's language (not interface gettext).
HEADINGS = {"en": "CONCEPT PAPER", "ru": "КОНЦЕПЦИЯ", "kk": "ТҰЖЫРЫМДАМА"}
# An approved paper's text is final: it may travel, unnumbered, in an issued note's package,
# so only papers still being drafted or reviewed carry the DRAFT mark.
FINAL = (Document.State.APPROVED, Document.State.ISSUED, Document.State.WITHDRAWN)


@dataclass(frozen=True)
class ConceptCopy:
    language: str
    heading: str
    title: SafeString
    body_html: SafeString  # from render_markdown: escaped, no URLs
    author: SafeString
    month_year: str  # "March 2024", "Март 2024 года", "2024 жылғы наурыз"
    draft_mark: str


def _text(paper, name, lang) -> str:
    return getattr(paper, f"{name}_{lang}") or ""


def month_year_line(d, lang) -> str:
    """The sign-off date, with a capital first letter: it starts a line."""
    if d is None:
        return ""
    text = format_month_year(d, lang)
    return text[:1].upper() + text[1:]


def concept_copies(paper) -> list[ConceptCopy]:
    """The copies of `paper`, in the order of settings.LANGUAGES."""
    return [
        ConceptCopy(
            language=lang,
            heading=HEADINGS.get(lang, HEADINGS["en"]),
            title=plain_html(_text(paper, "title", lang)),
            body_html=mark_safe(render_markdown(_text(paper, "body", lang), headings=True)),  # noqa: S308
            author=plain_html(_text(paper, "author", lang)),
            month_year=month_year_line(paper.paper_date, lang),
            draft_mark="" if paper.state in FINAL else DRAFT_MARKS.get(lang, "DRAFT"),
        )
        for lang in language_codes()
        if lang in paper.languages
    ]


def concept_html(copy: ConceptCopy) -> str:
    """The complete print HTML of one language copy, typeset for print."""
    return typeset_document(render_to_string(TEMPLATE, {
        "language": copy.language,
        "title": copy.title,
        "draft_mark": copy.draft_mark,
        "copy": copy,
    }), copy.language)


def print_parts(document, *, enclosure_pages=()) -> list[Part]:
    """One Part per language the paper is issued in (a concept paper encloses nothing)."""
    return [
        Part(f"{copy.heading} ({copy.language.upper()})", concept_html(copy))
        for copy in concept_copies(document)
    ]
