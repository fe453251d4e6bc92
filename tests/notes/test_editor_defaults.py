"""A new note starts as FORMAT_RULES.md says (closing formula on), and its on-screen preview
shows the enclosure lines the PDF prints, from the same function and the same counts."""

import re
from difflib import SequenceMatcher

import pytest

from cica_docs.issuing.packages import render_one
from cica_docs.letterhead.models import Addressee
from cica_docs.rendering.marks import DRAFT_MARKS
from notes.models import Note
from tests.api.conftest import token_client
from tests.factories import REFERENCE, approved_concept, house_pdf, make_note, upload_file
from tests.html_forms import form_data
from tests.preview import letters, preview_text, print_pages
from tests.rendering.conftest import pdftotext

pytestmark = pytest.mark.django_db

ENCLOSURE_LINE = {
    "en": "Enclosure: as stated, on {} p.",
    "ru": "Приложение: упомянутое, на {} л.",
    "kk": "Қосымша: аталған, {} парақта.",
}


def test_a_new_note_in_the_browser_ends_with_the_closing_formula(client, drafter):
    client.force_login(drafter)
    page = client.get("/en/work/new/note/").text
    assert re.search(r'<input type="checkbox" name="closing"[^>]* checked', page)
    data = form_data(page, containing="title_en")
    data.update({"title_en": ["A note"], "opening_en": [REFERENCE["opening"]["en"]]})
    assert client.post("/en/work/new/note/", data).status_code == 302
    assert Note.objects.get().closing is True


def test_a_drafter_can_still_switch_the_closing_formula_off(client, drafter):
    client.force_login(drafter)
    data = form_data(client.get("/en/work/new/note/").text, containing="title_en")
    data.pop("closing", None)
    data.update({"title_en": ["Condolences"], "opening_en": ["express its condolences."]})
    assert client.post("/en/work/new/note/", data).status_code == 302
    assert Note.objects.get().closing is False


def test_a_note_created_through_the_api_ends_with_the_closing_formula(drafter):
    response = token_client(drafter).post("/api/v1/notes/", {
        "addressee": "cica-member-states", "opening": {"en": REFERENCE["opening"]["en"]},
    }, format="json")
    assert response.status_code == 201
    assert response.json()["closing"] is True
    assert Note.objects.get().closing is True


def _lines(text: str, lang: str) -> list[str]:
    pattern = re.escape(ENCLOSURE_LINE[lang]).replace(r"\{\}", r"\d+")
    return re.findall(pattern, " ".join(text.split()))


def _extra_letters(shown: str, printed: str) -> list[str]:
    """The letters `printed` has in addition to `shown` (sorted); None if `shown` has any
    that `printed` lacks."""
    extra = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, shown, printed, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            return None
        if op == "insert":
            extra += printed[j1:j2]
    return sorted(extra)


def test_the_preview_reads_word_for_word_as_the_pdf_enclosure_lines_included(
    client, drafter, reviewer
):
    enclosed = upload_file(drafter, house_pdf(pages=3))
    paper = approved_concept(drafter, reviewer)
    note = make_note(drafter, enclosures=[paper.pk, enclosed.reference])
    client.force_login(drafter)
    detail = client.get(f"/en/work/{note.pk}/").text
    assert [lang for lang, _html in print_pages(detail)] == ["en", "ru", "kk"]
    for lang in ("en", "ru", "kk"):
        pdf_text = pdftotext(render_one(note, lang).data)
        printed = _lines(pdf_text, lang)
        assert len(printed) == 2 and printed[1] == ENCLOSURE_LINE[lang].format(3)
        shown = preview_text(detail, lang)
        assert _lines(shown, lang) == printed
        # Every letter and digit the PDF prints, in order, and nothing else (the print
        # stylesheet sets the letterhead and the addressee in capitals). pdftotext
        # scatters the letters of the DRAFT mark slanted across the page among the words:
        # they are all the PDF has more.
        mark = letters(DRAFT_MARKS[lang]).upper()
        assert letters(shown).upper().startswith(mark)
        assert _extra_letters(letters(shown).upper().removeprefix(mark),
                              letters(pdf_text).upper()) == sorted(mark)


def test_the_live_preview_of_the_editor_shows_the_enclosure_lines(client, drafter):
    first = upload_file(drafter, house_pdf(pages=2), title="Programme")
    second = upload_file(drafter, house_pdf("List of participants", pages=5),
                         title="Participants")
    client.force_login(drafter)
    data = form_data(client.get("/ru/work/new/note/").text, containing="title_en")
    data.update({
        "title_en": ["A note"], "opening_en": [REFERENCE["opening"]["en"]],
        "addressee": [str(Addressee.objects.get(code="cica-member-states").pk)],
        "enclosures": [first.reference, second.reference],
    })
    preview = client.post("/ru/work/preview/note/", data, HTTP_HX_REQUEST="true").text
    for lang in ("en", "ru", "kk"):
        assert _lines(preview_text(preview, lang), lang) == [ENCLOSURE_LINE[lang].format(2),
                                         ENCLOSURE_LINE[lang].format(5)]


def test_a_note_without_enclosures_shows_no_enclosure_line(client, drafter):
    note = make_note(drafter)
    client.force_login(drafter)
    detail = client.get(f"/en/work/{note.pk}/").text
    assert preview_text(detail, "en") and _lines(preview_text(detail, "en"), "en") == []
