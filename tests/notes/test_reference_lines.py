"""A note answers or cites another document: an issued note of the register, or an
external one (sender, number, date). The reference stands in the opening formula in each
language's grammatical form (FORMAT_RULES.md, "References to other documents"; the Kazakh
attributive date), and both documents' pages show the link."""

import datetime

import pytest

from cica_docs.documents.kinds import get_kind
from cica_docs.rendering.screen import language_of
from notes.formulas import opening_paragraph
from notes.models import Note
from tests.api.conftest import token_client
from tests.factories import approved_note, make_note
from tests.html_forms import form_data
from tests.preview import page_text

pytestmark = pytest.mark.django_db

MINISTRY = {
    "en": "of the Ministry of Foreign Affairs of the Republic of India",
    "ru": "Министерства иностранных дел Республики Индия",
    "kk": "Үндістан Республикасы Сыртқы істер министрлігінің",
}
EXTERNAL_REPLY = {
    "en": "and, in reply to Note No. 16 of the Ministry of Foreign Affairs of the Republic "
          "of India of 6 March 2024, has the honour to",
    "ru": "и, в ответ на ноту Министерства иностранных дел Республики Индия № 16 от 6 марта "
          "2024 года, имеет честь",
    "kk": "Хатшылығы Үндістан Республикасы Сыртқы істер министрлігінің 2024 жылғы 6 "
          "наурыздағы № 16 нотасына жауап ретінде Азия Кеңесіне мүше мемлекеттерге",
}


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _openings(note) -> dict[str, str]:
    note = Note.objects.get(pk=note.pk)
    return {lang: _flat(opening_paragraph(note, lang)) for lang in note.languages}


def _refer(note, **fields):
    Note.objects.filter(pk=note.pk).update(**fields)
    return Note.objects.get(pk=note.pk)


def test_a_reply_to_an_external_note_reads_in_each_language(drafter):
    note = _refer(make_note(drafter), reference_relation="reply", reference_number="16",
                  reference_date=datetime.date(2024, 3, 6),
                  **{f"reference_sender_{lang}": text for lang, text in MINISTRY.items()})
    for lang, expected in _openings(note).items():
        assert EXTERNAL_REPLY[lang] in expected, (lang, expected)
    printed = {language_of(p.html): _flat(page_text(p.html))
               for p in get_kind("note").print_parts(note)}
    assert "№ 16 от 6 марта 2024 года" in printed["ru"]
    assert "2024 жылғы 6 наурыздағы № 16 нотасына жауап ретінде" in printed["kk"]


@pytest.fixture
def issued_274(drafter, reviewer, registrar):
    from cica_docs.documents import services

    note = approved_note(drafter, reviewer)
    services.document_issue(document=note, by=registrar, issued_on=datetime.date(2024, 9, 28),
                            backdating_reason="Signed on 28 September.")
    return Note.objects.get(pk=note.pk)


def test_a_note_citing_a_secretariat_note_of_the_register(drafter, issued_274):
    symbol = issued_274.symbol
    note = _refer(make_note(drafter), reference_relation="cites",
                  reference_document=issued_274)
    openings = _openings(note)
    assert f"and, with reference to its Note No. {symbol} of 28 September 2024, has" \
        in openings["en"]
    assert f"и, ссылаясь на ноту № {symbol} от 28 сентября 2024 года, имеет честь" \
        in openings["ru"]
    # -тегі after «қыркүйек» (front vowel, voiceless last sound)
    assert f"Хатшылығы 2024 жылғы 28 қыркүйектегі № {symbol} нотасына сәйкес Азия" \
        in openings["kk"]


def test_no_reference_no_reference_words(drafter):
    openings = _openings(make_note(drafter))
    assert "in reply" not in openings["en"] and "ссылаясь" not in openings["ru"]
    assert "has the honour" in openings["en"] and ", ," not in openings["en"]


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_editor_saves_a_reply_in_any_interface_language(client, drafter, language):
    note = make_note(drafter)
    client.force_login(drafter)
    url = f"/{language}/work/{note.pk}/edit/"
    data = form_data(client.get(url).text, containing="title_en")
    data.update({"reference_relation": ["reply"], "reference_number": ["16"],
                 "reference_date": ["2024-03-06"]})
    data.update({f"reference_sender_{lang}": [text] for lang, text in MINISTRY.items()})
    response = client.post(url, data)
    assert response.status_code == 302, response.text[:3000]
    note = Note.objects.get(pk=note.pk)
    assert (note.reference_relation, note.reference_number, note.reference_date) == (
        "reply", "16", datetime.date(2024, 3, 6))
    assert {lang: getattr(note, f"reference_sender_{lang}") for lang in MINISTRY} == MINISTRY
    assert EXTERNAL_REPLY["kk"] in _openings(note)["kk"]


def test_half_a_reference_is_refused_with_a_message(client, drafter, issued_274):
    note = make_note(drafter)
    client.force_login(drafter)
    url = f"/en/work/{note.pk}/edit/"
    blank = form_data(client.get(url).text, containing="title_en")
    cases = [
        ({"reference_relation": ["reply"]}, "type the number and the date"),
        ({"reference_relation": ["reply"], "reference_number": ["16"]},
         "type the number and the date"),
        ({"reference_relation": ["cites"], "reference_document": [str(issued_274.pk)],
          "reference_number": ["16"]}, "not both"),
        ({"reference_number": ["16"]}, "answers or cites"),
    ]
    for fields, message in cases:
        response = client.post(url, {**blank, **fields})
        assert response.status_code == 200 and message in response.text, fields
    assert Note.objects.get(pk=note.pk).revision_number == 1


def test_both_pages_show_that_one_answers_the_other(client, drafter, issued_274):
    note = _refer(make_note(drafter), reference_relation="reply",
                  reference_document=issued_274)
    client.force_login(drafter)
    page = client.get(f"/en/work/{note.pk}/").text
    assert "In reply to" in page and f"/en/work/{issued_274.pk}/" in page
    cited = client.get(f"/en/work/{issued_274.pk}/").text
    assert f"/en/work/{note.pk}/" in cited and "answers it" in cited


def test_the_api_takes_a_reference_to_a_register_document(drafter, issued_274):
    api = token_client(drafter)
    created = api.post("/api/v1/notes/", {
        "addressee": "cica-member-states", "opening": {"en": "inform that …"},
        "reference_relation": "cites", "reference_document": issued_274.pk,
    }, format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["reference_relation"] == "cites"
    assert body["reference_document"] == issued_274.pk
    note = Note.objects.get(pk=body["id"])
    assert "with reference to its Note No." in _openings(note)["en"]
    refused = api.post("/api/v1/notes/", {
        "addressee": "cica-member-states", "opening": {"en": "inform that …"},
        "reference_relation": "reply",
    }, format="json")
    assert refused.status_code == 400
    assert "reference_number" in refused.json()["errors"] or \
        "reference_number" in str(refused.json())


def test_an_external_reference_without_its_sender_in_a_language_is_flagged(drafter):
    from notes.checks import note_checks

    note = _refer(make_note(drafter), reference_relation="reply", reference_number="16",
                  reference_date=datetime.date(2024, 3, 6),
                  reference_sender_en=MINISTRY["en"], reference_sender_ru=MINISTRY["ru"])
    flagged = [f.language for f in note_checks(note) if f.code == "reference_sender"]
    assert flagged == ["kk"]
