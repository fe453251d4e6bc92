"""`{% print_stylesheet "css/note.css" %}`: a kind's own print stylesheet, linked from its
print template (after the platform's static/css/pdf.css) under the renderer's origin, where
the safe fetcher serves static files; the on-screen preview (rendering/screen.py) turns it
into the site's static URL."""

from django import template
from django.utils.html import format_html

from ..fetcher import static_url

register = template.Library()


@register.simple_tag
def print_stylesheet(path: str) -> str:
    return format_html('<link rel="stylesheet" href="{}">', static_url(path))
