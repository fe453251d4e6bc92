"""The verification line: on the last page of each issued language copy, in its language,
with a QR code that decodes to the file's verification address; page counts and enclosure
lines are what they are without it."""

import datetime
import subprocess

import pytest
import zxingcpp
from PIL import Image

from cica_docs.documents import services
from cica_docs.issuing.models import RenderedFile
from cica_docs.issuing.packages import render_one
from tests.factories import REFERENCE, approved_concept, make_note, signed_off
from tests.rendering.conftest import pdftotext

pytestmark = pytest.mark.django_db

LONG = "\n\n".join([REFERENCE["body"]["en"]] * 9)  # a note of two pages


def _stored(document, variant):
    rendered = RenderedFile.objects.get(document=document, variant=variant)
    with rendered.file.open("rb") as handle:
        return rendered, handle.read()


def _qr_codes(pdf: bytes, page: int, folder) -> list[str]:
    """The QR codes on a page, as a phone would read them from the page at 200 dpi."""
    (folder / "copy.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", "-f", str(page), "-l",
                    str(page), folder / "copy.pdf", folder / "page"], check=True)
    return [result.text for result in zxingcpp.read_barcodes(Image.open(folder / "page.png"))]


def test_each_copy_ends_with_its_line_and_a_qr_code_of_its_address(
        drafter, reviewer, registrar, settings, tmp_path, django_capture_on_commit_callbacks):
    paper = approved_concept(drafter, reviewer)
    note = make_note(drafter, body_en=LONG, enclosures=[paper.pk])
    for action, who in (("submit", drafter), ("approve", reviewer)):
        services.document_transition(document=note, action=action, by=who,
                                     acknowledge_warnings=True)
    signed_off(note)
    with django_capture_on_commit_callbacks(execute=True):
        services.document_issue(document=note, by=registrar, acknowledge_warnings=True,
                                issued_on=datetime.date(2024, 3, 6),
                                backdating_reason="The reference note's date.")
    note.refresh_from_db()
    expected = {"en": ("No. NCT/CT/275 of 6 March 2024", "Check this document at"),
                "ru": ("№ NCT/CT/275 от 6 марта 2024 года", "Проверить документ:"),
                "kk": ("2024 жылғы 6 наурыздағы № NCT/CT/275", "Құжатты тексеру:")}
    for language, words in expected.items():
        rendered, data = _stored(note, language)
        pages = rendered.pages
        last = pdftotext(data, "-f", str(pages), "-l", str(pages))
        assert all(word in " ".join(last.split()) for word in words), (language, last)
        if pages > 1:
            assert words[1] not in pdftotext(data, "-f", "1", "-l", str(pages - 1))
        assert _qr_codes(data, pages, tmp_path) == [
            f"{settings.SITE_URL}/{language}/verify/{rendered.seal.token}/"]
    # Without its line, a copy has the same pages and the same text, enclosure line included.
    for language in ("en", "kk"):
        rendered, data = _stored(note, language)
        plain = render_one(note, language, created=note.issued.issued_at)
        assert plain.total_pages == rendered.pages
        without = pdftotext(plain.data).split()
        assert pdftotext(data).split()[:len(without)] == without  # the line comes last
    assert _stored(note, "en")[0].pages == 2
