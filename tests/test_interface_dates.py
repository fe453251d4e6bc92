"""Dates on the interface: a document's date as printed on its paper, and Kazakh pages in
Kazakhstan's own numeric form (Django ships no Kazakh formats)."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from cica_docs.documents.templatetags.official import official_date

ISSUED = datetime.date(2026, 11, 25)


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "25 November 2026"),
    ("ru", "25 ноября 2026 года"),
    ("kk", "2026 жылғы 25 қараша"),
])
def test_official_date_is_the_printed_form_in_the_interface_language(language, expected):
    with translation.override(language):
        assert official_date(ISSUED) == expected


def test_a_moment_is_dated_in_astana():
    late_evening_utc = datetime.datetime(2026, 11, 24, 20, 30, tzinfo=datetime.UTC)
    with translation.override("en"):
        assert official_date(late_evening_utc) == "25 November 2026"
    assert official_date(None) == ""


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_kazakh_and_russian_pages_write_moments_day_month_year_on_a_24_hour_clock(language):
    moment = timezone.make_aware(datetime.datetime(2026, 11, 28, 15, 37))
    template = Template('{{ moment|date:"SHORT_DATETIME_FORMAT" }} {{ moment|date }}')
    with translation.override(language):
        text = template.render(Context({"moment": moment}))
    assert text.startswith("28.11.2026 15:37")
    assert "p.m." not in text and "Т.Қ." not in text and "Nov" not in text
