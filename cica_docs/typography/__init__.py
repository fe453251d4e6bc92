"""Typesetting of the official blank, in print only: what a protocol department does to a
text that the drafter typed plainly (FORMAT_RULES.md, "Typesetting").

- Hyphenation (`hyphenation`): pyphen's English and Russian dictionaries, our Kazakh
  patterns (`kazakh_hyphenation`), switched on by `hyphens: auto` in static/css/pdf.css
  for justified text; words in capitals are kept whole.
- Non-breaking rules per language (`rules`, `text`): a day and its month, № and its
  number, initials and surname, short prepositions with the next word…
- Quotes and dashes: «ёлочки» with „лапки“ inside in Russian and Kazakh, “curly” with
  ‘single’ inside in English; a spaced hyphen prints as the language's dash.

The stored text keeps what was typed; only the print HTML changes, through `typeset`
(a fragment in one context) or `typeset_document` (a whole print page, each block in the
context its template classes give it).
"""

from . import hyphenation  # noqa: F401 - registers the Kazakh patterns with pyphen
from .html import typeset_html
from .justify import set_justified

CONTEXTS = ("body", "title", "letterhead", "addressee")


def typeset(html: str, language: str, context: str = "body") -> str:
    """An HTML fragment (escaped text, inline tags, paragraphs) typeset for print in
    `language`. Contexts: "body" (hyphenated text; its headings are titles), "title"
    (titles and headings), "letterhead" and "addressee" (where English articles and "of"
    never end a line)."""
    if context not in CONTEXTS:
        raise ValueError(f"unknown typesetting context {context!r}")
    return typeset_html(html, language, context=context)


def typeset_document(html: str, language: str) -> str:
    """A complete print page (templates/pdf/) typeset for print in `language`, each block
    in the context its template classes give it, and its justified paragraphs' line
    breaks chosen over each whole paragraph (`justify`)."""
    return set_justified(typeset_html(html, language), language)
