"""The print HTML of a part as a browser shows it: the on-screen preview is the print.

A part's HTML (templates/pdf/) is written for the renderer: its stylesheet is handed to
WeasyPrint apart, and its resources are named under the renderer's own origin
(`fetcher.ORIGIN`). `screen_html` gives the same HTML what a browser needs to lay it out
as the PDF does — the print stylesheet (static/css/pdf.css), the sheet of paper around it
(static/css/print-screen.css), static URLs the site serves and letterhead images inlined
as data URLs (the uploads are not served; the CSP allows `data:` images) — and changes
nothing else, so the preview and the PDF read alike word for word.
"""

import base64
import re

from django.templatetags.static import static
from django.utils.html import escape

from .fetcher import MEDIA_PREFIX, ORIGIN, STATIC_PREFIX, RefusedURL, SafeURLFetcher
from .pdf import STYLESHEET

# The print stylesheet, then the sheet of paper it is shown on.
STYLESHEET_PATHS = (STYLESHEET, "css/print-screen.css")

_RESOURCE = re.compile(re.escape(ORIGIN) + r"(/(?:static|media)/[^\"'\s)<>]*)")
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)
_LANG = re.compile(r"<html[^>]*\blang=\"([^\"]+)\"", re.IGNORECASE)


def _browser_url(match: re.Match) -> str:
    path = match.group(1)
    if path.startswith(STATIC_PREFIX):
        return static(path.removeprefix(STATIC_PREFIX))
    try:
        response = SafeURLFetcher().fetch(ORIGIN + path)
    except RefusedURL:
        return ""  # the renderer would not draw it either
    if not path.startswith(MEDIA_PREFIX):
        return ""
    body = base64.b64encode(response.read()).decode("ascii")
    return f"data:{response.headers['Content-Type']};base64,{body}"


def screen_html(html: str) -> str:
    """`html`, a complete print page, ready for a browser frame (`srcdoc`)."""
    links = "".join(f'<link rel="stylesheet" href="{escape(static(path))}">'
                    for path in STYLESHEET_PATHS)
    html = _RESOURCE.sub(_browser_url, html)
    return _HEAD.sub(lambda head: head.group(0) + links, html, count=1)


def language_of(html: str) -> str:
    """The language a print page declares (`<html lang>`)."""
    found = _LANG.search(html)
    return found.group(1) if found else ""
