"""Layout of hostile input and the size/time limits of a render."""

import re

import pytest

from cica_docs.rendering.pdf import RenderTimeout, RenderTooLarge, render_pdf

from .conftest import pdftotext, render_reference
from .reference import ISSUED, note_copy

A4_WIDTH = 595.28
LEFT, RIGHT = 30 / 25.4 * 72, 15 / 25.4 * 72  # page margins in points


def test_a_50000_character_word_wraps_inside_the_text_block_and_loses_no_letter():
    word = "Ж" * 25000 + "W" * 25000
    result = render_reference([note_copy("en", body=f"Start {word} end")])
    boxes = re.findall(
        r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<',
        pdftotext(result.data, "-bbox"),
    )
    pieces = [(float(x0), float(x1), w) for x0, x1, w in boxes if set(w) <= {"Ж", "W"}]
    assert len(pieces) > 100  # wrapped onto many lines, not one clipped line
    assert min(x0 for x0, _, _ in pieces) >= LEFT - 1
    assert max(x1 for _, x1, _ in pieces) <= A4_WIDTH - RIGHT + 1
    assert "".join(w for _, _, w in pieces) == word


def test_html_over_the_size_limit_is_refused_before_rendering(settings):
    settings.PDF_MAX_HTML_BYTES = 1000
    with pytest.raises(RenderTooLarge):
        render_pdf(html="<p>" + "x" * 2000 + "</p>", title="t", author="a", language="en")


def test_a_render_that_takes_too_long_is_stopped_with_a_clear_error(settings):
    settings.PDF_RENDER_TIMEOUT = 0.2
    settings.PDF_RENDER_TIMEOUT_PER_KB = 0
    body = "<p>" + "Long sentence of the note verbale. " * 40 + "</p>"
    with pytest.raises(RenderTimeout):
        render_pdf(html=body * 400, title="t", author="a", language="en", created=ISSUED)


def test_too_many_pages_are_refused(settings):
    settings.PDF_MAX_PAGES = 2
    with pytest.raises(RenderTooLarge):
        render_pdf(html='<p style="break-after: page">x</p>' * 3, title="t", author="a",
                   language="en")
