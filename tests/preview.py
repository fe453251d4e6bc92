"""The on-screen preview as a reader sees it: the text of each print page in the page's
preview frames (templates/documents/includes/print_preview.html), read from the HTML."""

import re
from html.parser import HTMLParser

# What typesetting adds that a reader does not see as text: soft hyphens and word joiners;
# a no-break space reads as a space.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u2060"), None) | {0xA0: " ", 0x202F: " "}


class _Frames(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.frames: list[tuple[str, str]] = []  # (lang, srcdoc)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "iframe" and "srcdoc" in a:
            self.frames.append((a.get("lang", ""), a["srcdoc"]))


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("head", "style", "script"):
            self._skip += 1
        elif tag in ("p", "div", "li", "h1", "h2", "h3", "h4", "br", "header"):
            self.chunks.append("\n")

    def handle_endtag(self, tag):
        if tag in ("head", "style", "script"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.chunks.append(data)


def print_pages(page: str) -> list[tuple[str, str]]:
    """(language, print HTML) of every preview frame of `page`, in order."""
    frames = _Frames()
    frames.feed(page)
    return frames.frames


def page_text(html: str) -> str:
    """The visible text of one print page, one space between words."""
    text = _Text()
    text.feed(html)
    return " ".join("".join(text.chunks).translate(_INVISIBLE).split())


def preview_text(page: str, lang: str | None = None) -> str:
    """The text of the preview frames of `page` (of `lang` only, if given)."""
    return " ".join(page_text(html) for frame_lang, html in print_pages(page)
                    if lang is None or frame_lang == lang)


def letters(text: str) -> str:
    """Only the letters and digits of `text`: what a line break, a hyphen or a space
    changes in a PDF's extracted text does not count."""
    return re.sub(r"[\W_]+", "", text)
