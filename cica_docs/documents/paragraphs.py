"""A document's text as paragraphs aligned by position across its languages.

The unit of alignment is a block of a translated field (the title is one block): the text
between blank lines, a heading, a list typed without blank lines. Paragraph 3 of the
English body answers for paragraph 3 of the Russian and the Kazakh body. Each paragraph
keeps its place in the field's text (`start`, `end`), so that replacing one paragraph
changes nothing else in the field, byte for byte.
"""

import re
from dataclasses import dataclass

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
# A list item starts a line ("- ", "* ", "1. "): each item is a unit of its own, whether the
# list was typed with blank lines between its items or not.
_ITEM_START = re.compile(r"\n(?=[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t])")


@dataclass(frozen=True)
class Paragraph:
    field: str
    index: int  # from 1, within the field
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """Stable name of the position: "body.3"."""
        return f"{self.field}.{self.index}"


def field_names(content: dict) -> list[str]:
    # Sorted: PostgreSQL's jsonb does not keep the order of keys.
    return ["title", *sorted(content["fields"])]


def _value(content: dict, field: str, lang: str) -> str:
    values = content["title"] if field == "title" else content["fields"].get(field, {})
    return values.get(lang, "") or ""


def _pieces(text: str, separator: re.Pattern, offset: int = 0):
    """(start, end) of each non-blank piece of `text` between `separator`s, stripped."""
    position = 0
    for piece in [*separator.finditer(text), None]:
        end = piece.start() if piece else len(text)
        chunk = text[position:end]
        if chunk.strip():
            start = position + len(chunk) - len(chunk.lstrip())
            yield offset + start, offset + start + len(chunk.strip())
        if piece:
            position = piece.end()


def split(field: str, text: str) -> list[Paragraph]:
    spans = []
    for start, end in _pieces(text, _BLANK_LINES):
        spans.extend(_pieces(text[start:end], _ITEM_START, start))
    return [Paragraph(field, index, text[start:end], start, end)
            for index, (start, end) in enumerate(spans, 1)]


def paragraphs(content: dict, lang: str) -> list[Paragraph]:
    """Every paragraph of one language, in the order the fields are read."""
    return [p for field in field_names(content) for p in split(field, _value(content, field, lang))]


def aligned(content: dict, languages) -> dict[str, dict[str, Paragraph]]:
    """{key: {lang: paragraph}} for every position that some language has."""
    rows: dict[str, dict[str, Paragraph]] = {}
    for lang in languages:
        for paragraph in paragraphs(content, lang):
            rows.setdefault(paragraph.key, {})[lang] = paragraph
    return rows


def replace(text: str, field: str, replacements: dict[int, str]) -> str:
    """`text` (one field in one language) with the paragraphs numbered in `replacements`
    replaced; every other character is kept as it was."""
    out, position = [], 0
    for paragraph in split(field, text):
        if paragraph.index in replacements:
            out.append(text[position:paragraph.start])
            out.append(replacements[paragraph.index])
            position = paragraph.end
    out.append(text[position:])
    return "".join(out)
