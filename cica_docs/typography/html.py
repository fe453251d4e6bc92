"""Typesetting applied to the text nodes of print HTML, never inside tags or attributes.

The HTML comes from our own templates and the Markdown renderer (escaped text, no comments,
no raw HTML), so a tag is `<…>` with no `>` inside. A block (paragraph, list item, heading,
line of the letterhead…) is typeset as one text: its inline tags (`<strong>`, `<em>`) may
split a date or a quotation anywhere, and the edits land in whichever text node holds each
character.
"""

import re
from html import escape, unescape

from .rules import rules_for
from .text import typeset_text

_TAG = re.compile(r"(<[^>]*>)")
_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9]*)")
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
INLINE = frozenset({"a", "abbr", "b", "cite", "code", "em", "i", "mark", "q", "s", "small",
                    "span", "strong", "sub", "sup", "u"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
SKIPPED = frozenset({"head", "title", "style", "script"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Where a print template's classes put a text (templates/pdf/*.html): letterhead and
# addressee lines get the heads' rules; titles and headings are never hyphenated.
CONTEXT_OF_CLASS = {
    "letterhead": "letterhead",
    "addressee": "addressee",
    "heading": "title",
    "title": "title",
    "draft-mark": None,  # the DRAFT mark is not text of the document
}
HYPHENATED = frozenset({"body"})
# Titles too: "…between the / Secretariat…" is no better in a title than in a letterhead.
HEADS = frozenset({"letterhead", "addressee", "title"})
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_KAZAKH_ONLY = re.compile(r"[ӘәҒғҚқҢңӨөҰұҮүҺһІі]")
# Around a word that hyphenation must leave whole (static/css/pdf.css).
KEEP_WHOLE = ('<span class="nohyphens">', "</span>")


def _element(tag: str) -> tuple[str, bool, bool, set[str]]:
    """(name, closing?, self-closing?, classes) of a tag."""
    name_match = _NAME.match(tag)
    name = name_match.group(1).lower() if name_match else ""
    match = _CLASS.search(tag)
    classes = set(next(g for g in match.groups() if g is not None).split()) if match else set()
    return name, tag.startswith("</"), tag.endswith("/>") or name in VOID, classes


def _node_html(node: str, offset: int, edits: dict[int, str], whole) -> str:
    """A text node (starting at `offset` of its block's text) as HTML, with its edits and
    the spans around its part of each word kept whole (clipped to the node, so tags nest)."""
    end = offset + len(node)
    marks: dict[int, list[str]] = {}
    for start, stop in whole:
        if start < end and stop > offset:
            marks.setdefault(max(start, offset), []).append(KEEP_WHOLE[0])
            marks.setdefault(min(stop, end), []).insert(0, KEEP_WHOLE[1])
    changed = {p for p in edits if offset <= p < end}
    out, position = [], offset
    for place in sorted(changed | marks.keys()):
        out.append(escape(node[position - offset:place - offset], quote=False))
        out.extend(marks.get(place, ()))
        if place in changed:
            out.append(escape(edits[place], quote=False))
            position = place + 1
        else:
            position = place
    out.append(escape(node[position - offset:], quote=False))
    return "".join(out)


class _Block:
    """The text nodes of one block: token indexes and their text."""

    def __init__(self):
        self.nodes: list[tuple[int, str, bool]] = []  # (token, text, inside a kept word)

    def typeset(self, tokens: list[str], language: str, context: str) -> None:
        if not self.nodes:
            return
        text = "".join(node for _, node, _ in self.nodes)
        if text.isspace():  # the line breaks between tags
            self.nodes = []
            return
        rules = rules_for(language_of(text, language))
        found = typeset_text(text, rules, heads=context in HEADS)
        whole = found.whole if context in HYPHENATED else []
        offset = 0
        for index, node, kept in self.nodes:
            end = offset + len(node)
            own = [] if kept else whole  # typeset twice: no span inside its own span
            touched = any(offset <= p < end for p in found.edits) or any(
                start < end and stop > offset for start, stop in own)
            if touched:
                tokens[index] = _node_html(node, offset, found.edits, own)
            offset = end
        self.nodes = []


def language_of(text: str, language: str) -> str:
    """The language of a block in a copy in `language`: a copy's letterhead has a line in
    each language (and a Russian copy may quote an English name). A block in one script
    only that is not the copy's: Latin is English, Cyrillic is Kazakh if it has a letter
    only Kazakh has, else Russian."""
    latin = bool(_LATIN.search(text))
    cyrillic = bool(_CYRILLIC.search(text))
    if latin and not cyrillic and language != "en":
        return "en"
    if cyrillic and not latin:
        kazakh = bool(_KAZAKH_ONLY.search(text))
        if language == "en" or (language == "kk" and not kazakh):
            return "kk" if kazakh else "ru"
        if language == "ru" and kazakh:
            return "kk"
    return language


def typeset_html(html: str, language: str, *, context: str = "body") -> str:
    """`html` with every block's text typeset for print in `language`. Text is in
    `context` unless an element says otherwise: headings are titles, and the print
    templates' classes give their blocks a context (`CONTEXT_OF_CLASS`)."""
    tokens = _TAG.split(html)
    stack: list[tuple[str, str | None]] = []  # (element, context inside it)
    current: str | None = context
    block = _Block()
    spans: list[bool] = []  # open <span>s: is it one of ours around a kept word?
    for index, token in enumerate(tokens):
        if index % 2 == 0:  # text between tags
            if token and current is not None:
                block.nodes.append((index, unescape(token), any(spans)))
            continue
        name, closing, void, classes = _element(token)
        if name == "span" and not void:
            if closing:
                spans = spans[:-1]
            else:
                spans.append("nohyphens" in classes)
        if name in INLINE:
            continue
        block.typeset(tokens, language, current)
        if void or not name:
            continue
        if closing:
            while stack:
                opened, _ = stack.pop()
                if opened == name:
                    break
            current = stack[-1][1] if stack else context
            continue
        inner = current
        if name in SKIPPED:
            inner = None
        elif current is not None:
            if name in HEADINGS:
                inner = "title"
            for css_class in sorted(classes & CONTEXT_OF_CLASS.keys()):
                inner = CONTEXT_OF_CLASS[css_class]
        stack.append((name, inner))
        current = inner
    block.typeset(tokens, language, current)
    return "".join(tokens)
