"""The platform's one paragraph alignment: a translated field as the blocks a reader sees,
and the blocks of a document's languages aligned by position.

A block is a paragraph, a heading or a list item of the Markdown subset the kinds print
(cica_docs/rendering/markup.py), read with the same parser (markdown-it), so that a heading
or a list item is a unit exactly as it prints; the subject (a one-line field) is one block.
Each block keeps the lines of the stored text it comes from (`start`, `end`), so that one
block can be replaced with every other character of the field left as it was typed.

Blocks are aligned by position among the *paired* blocks: the blocks the drafter marked as
having no counterpart (workbench.models.Unpaired, keyed by the block's digest) are left out,
so paragraph 3 of the English body answers for paragraph 3 of the Russian and the Kazakh
body in the aligned view, the termbase check and the XLIFF export alike.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from markdown_it import MarkdownIt

PARAGRAPH, HEADING, ITEM = "paragraph", "heading", "item"

_PARSER = MarkdownIt("zero").enable(["paragraph", "list", "heading"])


@dataclass(frozen=True)
class Block:
    kind: str
    text: str
    start: int  # first line of the stored text
    end: int  # the line after the block's last

    @property
    def digest(self) -> str:
        return digest_of(self.text)


def digest_of(text: str) -> str:
    return hashlib.sha256(text.strip().encode()).hexdigest()


def split(text: str, *, multiline: bool = True) -> list[Block]:
    """The blocks of `text`; a one-line field is one block (none when empty)."""
    text = text or ""
    if not multiline or not text.strip():
        return [Block(PARAGRAPH, text, 0, 1)] if text.strip() else []
    lines = text.split("\n")
    blocks, depth = [], 0
    for token in _PARSER.parse(text):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.map is None:
            continue
        elif token.type == "list_item_open" and depth == 1:
            blocks.append((ITEM, *token.map))
        elif token.type == "heading_open" and depth == 0:
            blocks.append((HEADING, *token.map))
        elif token.type == "paragraph_open" and depth == 0:
            blocks.append((PARAGRAPH, *token.map))
    found = []
    for kind, start, end in blocks:
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1  # a loose list item's map takes the blank line after it
        found.append(Block(kind, "\n".join(lines[start:end]), start, end))
    return found


def replace(text: str, edits: dict[int, str], added: list[str], *,
            multiline: bool = True) -> str:
    """`text` with block `i` (0-based among all its blocks) replaced by `edits[i]` (an empty
    edit removes the block with the separator after it) and `added` blocks appended, each
    after a blank line; every other character stays as it was."""
    text = text or ""
    if not multiline:
        value = edits.get(0, text) if split(text, multiline=False) else ""
        return value.strip() or next((a.strip() for a in added if a.strip()), "")
    blocks = split(text)
    lines = text.split("\n")
    head = "\n".join(lines[:blocks[0].start]) if blocks else ""
    pairs, position = [], blocks[0].start if blocks else 0
    for index, block in enumerate(blocks):
        separator = lines[position:block.start]
        pairs.append([separator, edits.get(index, block.text).strip("\n")])
        position = block.end
    tail = lines[position:] if blocks else lines
    kept, pending = [], None
    for separator, value in pairs:
        if not value.strip():  # removed: the next block takes its separator
            pending = separator if pending is None else pending
            continue
        kept.append([(pending if pending is not None else separator) if kept else [], value])
        pending = None
    out = "\n".join("\n".join([*separator, value]) for separator, value in kept)
    result = "\n".join(part for part in (head, out) if part) if kept else head
    if kept or not blocks:
        result = "\n".join([result, *tail]) if tail and (kept or result) else result
    for block in added:
        if block.strip():
            result = f"{result.rstrip()}\n\n{block.strip()}" if result.strip() else block.strip()
    return result


# --- alignment across languages --------------------------------------------------------

def kind_fields(kind) -> list[tuple[str, bool]]:
    """(field, multiline) of every translated field of `kind`, the subject first."""
    names = [("title", False)]
    for name in kind.translated_fields:
        names.append((name, kind.model._meta.get_field(name).get_internal_type() == "TextField"))
    return names


def field_names(content: dict, kind=None) -> list[tuple[str, bool]]:
    """(field, multiline) of every translated field of `content`: the kind's, in its order,
    then any other the content has (a field a kind no longer has, in an old revision),
    sorted, since PostgreSQL's jsonb does not keep the order of keys."""
    names = kind_fields(kind) if kind is not None else [("title", False)]
    known = {name for name, _multiline in names}
    return names + [(name, True) for name in sorted(content["fields"]) if name not in known]


def value(content: dict, field: str, lang: str) -> str:
    values = content["title"] if field == "title" else content["fields"].get(field, {})
    return values.get(lang, "") or ""


def unpaired_marks(document) -> dict[tuple[str, str], set[str]]:
    """{(field, language): digests of the blocks the drafter marked as having no
    counterpart} (the marks live with the workbench, which builds on this module)."""
    from cica_docs.workbench.models import Unpaired

    found = defaultdict(set)
    if document is None or document.pk is None:
        return found
    for name, lang, digest in Unpaired.objects.filter(document=document).values_list(
            "field", "language", "digest"):
        found[(name, lang)].add(digest)
    return found


def paired(content, field, lang, multiline, marks) -> tuple[list[Block], list[int]]:
    """(all blocks, indexes of the paired ones) of one field in one language."""
    found = split(value(content, field, lang), multiline=multiline)
    skip = (marks or {}).get((field, lang), set())
    return found, [i for i, block in enumerate(found) if block.digest not in skip]


@dataclass(frozen=True)
class Paragraph:
    field: str
    index: int  # from 1, the position among the field's paired blocks
    block: int  # from 0, among all the field's blocks (what `replace` takes)
    text: str
    kind: str = PARAGRAPH

    @property
    def key(self) -> str:
        """Stable name of the position: "body.3"."""
        return f"{self.field}.{self.index}"


def paragraphs(content: dict, field: str, lang: str, *, multiline: bool = True,
               marks=None) -> list[Paragraph]:
    """The paired blocks of one field in one language, numbered by position."""
    found, indexes = paired(content, field, lang, multiline, marks)
    return [Paragraph(field, position, index, found[index].text, found[index].kind)
            for position, index in enumerate(indexes, 1)]


def aligned(content: dict, languages, *, kind=None,
            marks=None) -> dict[str, dict[str, Paragraph]]:
    """{key: {lang: paragraph}} for every position that some language has, field by field
    in the order of `field_names`, leaving out the blocks marked in `marks` (see
    `unpaired_marks`)."""
    rows: dict[str, dict[str, Paragraph]] = {}
    for field, multiline in field_names(content, kind):
        by_lang = {lang: paragraphs(content, field, lang, multiline=multiline, marks=marks)
                   for lang in languages}
        for position in range(max([len(found) for found in by_lang.values()] + [0])):
            for lang, found in by_lang.items():
                if position < len(found):
                    rows.setdefault(found[position].key, {})[lang] = found[position]
    return rows
