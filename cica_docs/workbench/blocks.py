"""A text field as the blocks a reader sees: paragraphs, headings and list items, in order,
each with the lines of the stored text it comes from, so that one block can be edited in the
aligned view and put back with every other character of the text left as it was.

The blocks are those of the Markdown subset the kinds print (cica_docs/rendering/markup.py),
read with headings on: a "# " line is a heading wherever it is typed.
"""

import hashlib
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
    """`text` with block `i` replaced by `edits[i]` (an empty edit removes the block with
    the separator after it) and `added` blocks appended, each after a blank line; every
    other character stays as it was."""
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
