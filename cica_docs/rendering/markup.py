"""The Markdown subset of document bodies, rendered the same way for preview and PDF.

Paragraphs, bullet and numbered lists, bold and italic (and headings where a kind allows
them). Raw HTML is off, so `<img>` or `<link>` typed in a body is printed as text. Links and
images are parsed but rendered as their plain label only: their URL never reaches the HTML,
so neither the browser nor WeasyPrint ever sees it.
"""

import re
import unicodedata

from markdown_it import MarkdownIt

# NUL and other C0 controls (tab and newlines kept) are invalid in HTML and PDF text;
# bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069) can make printed text
# read differently from what the reviewer approved.
_STRIP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# "reference" consumes `[id]: url` definitions, so their URL is not printed either.
_BLOCK_RULES = ["paragraph", "list", "reference"]
_INLINE_RULES = ["emphasis", "escape", "newline", "text", "link", "image"]


def clean_text(text: str) -> str:
    """Text as it may be stored and printed: NFC, no controls, no bidi overrides."""
    text = _LONE_SURROGATE.sub("\ufffd", text)
    return _STRIP.sub("", unicodedata.normalize("NFC", text))


def _label_only(self, tokens, idx, options, env):
    # link_open / link_close: print nothing, the label between them is ordinary text.
    return ""


def _image_as_alt_text(self, tokens, idx, options, env):
    return self.renderInline(tokens[idx].children or [], options, env)


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
    return md


_PARSERS = {False: _build(False), True: _build(True)}


def render_markdown(text: str, *, headings: bool = False) -> str:
    """HTML (escaped, element-whitelisted by construction) for a body in Markdown."""
    return _PARSERS[bool(headings)].render(clean_text(text or ""))
