"""The on-screen preview ("as it will read") of any kind: its print parts, shown as print.

The kind's own `print_parts` hook makes the HTML the PDF is rendered from; the preview
shows exactly that HTML (rendering/screen.py) in a frame per language copy
(templates/documents/includes/print_preview.html), so the screen and the PDF cannot
differ. A kind needs no preview of its own.
"""

from cica_docs.letterhead.parts import preview_enclosure_pages
from cica_docs.rendering.screen import language_of, screen_html


def print_preview(kind, document, *, enclosures=None) -> list[dict]:
    """One {"language", "label", "html"} per print part of `document`. `enclosures`: what
    an unsaved draft (the editor's live preview) encloses, in order; a saved document's
    own are read from it."""
    pages = preview_enclosure_pages(document, enclosures) if kind.takes_enclosures else ()
    return [
        {"language": language_of(part.html), "label": part.label,
         "html": screen_html(part.html)}
        for part in kind.print_parts(document, enclosure_pages=pages)
        if part.html
    ]
