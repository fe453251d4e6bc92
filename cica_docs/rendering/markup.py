"""The Markdown subset of document bodies, rendered the same way for preview and PDF.

Paragraphs, bullet and numbered lists, bold and italic (and headings where a kind allows
them). Raw HTML is off, so `<img>` or `<link>` typed in a body is printed as text. Links and
images are parsed but rendered as their plain label only: their URL never reaches the HTML,
so neither the browser nor WeasyPrint ever sees it.
"""

import re
import unicodedata

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

# NUL and other C0 controls (tab and newlines kept) are invalid in HTML and PDF text;
# bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069) can make printed text
# read differently from what the reviewer approved.
_STRIP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# Runs of more than LONG_RUN non-space characters get a zero-width space (a break
# opportunity, not printed nor extracted from the PDF) every BREAK_EVERY characters. CSS
# `overflow-wrap: anywhere` alone also wraps them, but WeasyPrint needs ~45 s for a
# 50,000-character word that way and under 2 s with break opportunities.
LONG_RUN = 40
BREAK_EVERY = 10
_LONG_RUN_RE = re.compile(rf"\S{{{LONG_RUN + 1},}}")
# "reference" consumes `[id]: url` definitions, so their URL is not printed either.
_BLOCK_RULES = ["paragraph", "list", "reference"]
_INLINE_RULES = ["emphasis", "escape", "newline", "text", "link", "image"]


def clean_text(text: str) -> str:
    """Text as it may be stored and printed: NFC, no controls, no bidi overrides."""
    text = _LONE_SURROGATE.sub("\ufffd", text)
    return _STRIP.sub("", unicodedata.normalize("NFC", text))


def breakable_html(text: str) -> str:
    """Escaped HTML of `text` in which very long words may break (see LONG_RUN)."""
    out, position = [], 0
    for match in _LONG_RUN_RE.finditer(text):
        out.append(escapeHtml(text[position : match.start()]))
        run = match.group()
        chunks = (run[i : i + BREAK_EVERY] for i in range(0, len(run), BREAK_EVERY))
        out.append("\u200b".join(escapeHtml(chunk) for chunk in chunks))
        position = match.end()
    out.append(escapeHtml(text[position:]))
    return "".join(out)


def plain_html(value: str) -> SafeString:
    """A drafter's plain-text line (a title, an author line, words inside a formula) as
    print HTML: the same cleaning and long-word break opportunities as a Markdown body."""
    return mark_safe(breakable_html(clean_text(value)))  # noqa: S308 - escaped just now


def _text(self, tokens, idx, options, env):
    return breakable_html(tokens[idx].content)


def _label_only(self, tokens, idx, options, env):
    # link_open / link_close: print nothing, the label between them is ordinary text.
    return ""


def _image_as_alt_text(self, tokens, idx, options, env):
    return self.renderInline(tokens[idx].children or [], options, env)


def _items_print_alike(state) -> None:
    """A list prints the same whether its items were typed with blank lines between them
    (a "loose" list, each item's text in a paragraph) or not: an item whose text is one
    paragraph loses the paragraph, as in a tight list. An item of several paragraphs keeps
    them."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "list_item_open":
            continue
        inner, depth = [], 0
        for following in tokens[index + 1:]:
            if following.type == "list_item_open":
                depth += 1
            elif following.type == "list_item_close":
                if depth == 0:
                    break
                depth -= 1
            elif (following.type in ("paragraph_open", "paragraph_close") and depth == 0
                    and following.level == token.level + 1):
                inner.append(following)
        if len(inner) == 2:
            for paragraph in inner:
                paragraph.hidden = True


def _build(headings: bool) -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(_BLOCK_RULES + (["heading"] if headings else []))
    md.enable(_INLINE_RULES)
    # Every destination parses as a link/image token (whose URL is then dropped); with
    # markdown-it's default check a `javascript:` link would stay literal text, URL and all.
    md.validateLink = lambda url: True
    md.add_render_rule("link_open", _label_only)
    md.add_render_rule("link_close", _label_only)
    md.add_render_rule("image", _image_as_alt_text)
    md.add_render_rule("text", _text)
    md.core.ruler.push("items_print_alike", _items_print_alike)
    return md


_PARSERS = {False: _build(False), True: _build(True)}


def render_markdown(text: str, *, headings: bool = False) -> str:
    """HTML (escaped, element-whitelisted by construction) for a body in Markdown."""
    return _PARSERS[bool(headings)].render(clean_text(text or ""))
