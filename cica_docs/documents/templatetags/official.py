"""`{{ date|official_date }}`: a document's date on a page as it is printed on the paper, in
the interface language (`27 November 2026`, `27 ноября 2026 года`, `2026 жылғы 27 қараша`);
`{{ line|written_in:language }}`: the language of a line of a copy (cica_docs.languages)."""

import datetime

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from cica_docs.languages import format_date, language_codes, written_in

register = template.Library()


@register.filter
def official_date(value):
    if not value:
        return ""
    if isinstance(value, datetime.datetime):  # a moment: its date in Astana
        value = (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    language = (get_language() or "en").split("-")[0]
    if language not in language_codes():
        language = language_codes()[0]
    return format_date(value, language)


@register.filter(name="written_in")
def written_in_filter(text, language):
    """`<p lang="{{ line|written_in:copy.language }}">`: an English line in another
    language's copy (its letterhead) is marked as English, for screen readers."""
    return written_in(str(text), language)
