"""The termbase's pre-issue check: a term in one language's paragraph needs its equivalent
in the same paragraph of every other language, in whatever inflected form."""

import pytest

from cica_docs.documents.checks import run_checks
from cica_docs.documents.kinds import get_kind
from cica_docs.termbase.matching import found_in
from cica_docs.termbase.services import active_entries, term_save
from tests.rendering.reference import TEXTS

from .reference import create, reference_concept_content, reference_note_content

pytestmark = pytest.mark.django_db


def term_warnings(document):
    return [f for f in run_checks(document) if f.code == "term_missing"]


def test_the_reference_note_in_three_languages_is_consistent(drafter):
    note = create("note", drafter, reference_note_content())
    assert term_warnings(note) == []


def test_the_reference_concept_paper_in_english_and_russian_is_consistent(drafter):
    paper = create("concept", drafter, reference_concept_content())
    assert term_warnings(paper) == []


def test_a_kazakh_paragraph_that_renders_a_body_otherwise_is_flagged_in_kazakh(drafter):
    body = TEXTS["kk"]["body"].replace("Аға лауазымды тұлғалар комитетінің",
                                       "жоғары лауазымды адамдар кеңесінің")
    note = create("note", drafter, reference_note_content(body_kk=body))
    findings = term_warnings(note)
    assert [(f.language, "Senior Officials Committee" in f.message) for f in findings] == [
        ("kk", True)]
    assert "Аға лауазымды тұлғалар комитеті" in findings[0].message
    assert "paragraph 1" in findings[0].message


def test_a_russian_paragraph_without_the_special_working_group_is_flagged_in_russian(drafter):
    body = TEXTS["ru"]["body"].replace("Специальной рабочей группы", "рабочей группы экспертов")
    note = create("note", drafter, reference_note_content(body_ru=body))
    assert [(f.language, "Специальная рабочая группа" in f.message)
            for f in term_warnings(note)] == [("ru", True)]


def test_an_english_paragraph_missing_a_term_the_others_have_is_flagged_in_english(drafter):
    body = TEXTS["en"]["body"].replace("CICA Special Working Group", "CICA experts")
    note = create("note", drafter, reference_note_content(body_en=body))
    findings = term_warnings(note)
    assert [f.language for f in findings] == ["en"]
    assert "Special Working Group" in findings[0].message


def test_a_russian_concept_paragraph_altered_is_flagged_at_its_position(drafter):
    content = reference_concept_content()
    body = content["fields"]["body"]["ru"]
    content["fields"]["body"]["ru"] = body.replace(
        "Комитета старших должностных лиц (КСДЛ)", "совещания старших должностных лиц (КСДЛ)")
    paper = create("concept", drafter, content)
    findings = term_warnings(paper)
    assert [f.language for f in findings] == ["ru"]
    assert "paragraph 13" in findings[0].message


def test_a_term_in_another_paragraph_does_not_count(drafter):
    """Alignment is by position: the Kazakh term moved to the opening does not answer for
    the body, and the opening now has it in Kazakh only."""
    body = TEXTS["kk"]["body"].replace("Арнаулы жұмыс тобының", "сарапшылар тобының")
    opening = TEXTS["kk"]["opening"] + " Арнаулы жұмыс тобы."
    note = create("note", drafter, reference_note_content(body_kk=body, opening_kk=opening))
    messages = sorted((f.language, f.message.split(":")[0]) for f in term_warnings(note))
    assert messages == [("en", "opening, paragraph 1"), ("kk", "body, paragraph 1"),
                        ("ru", "opening, paragraph 1")]


def test_a_language_the_document_is_not_issued_in_is_not_compared(drafter):
    content = reference_note_content(body_kk="Мүлде басқа мәтін.")
    content["languages"] = ["en", "ru"]
    assert term_warnings(create("note", drafter, content)) == []


def test_the_check_applies_to_letters_too(drafter):
    from letters.models import Letter
    from tests.api.conftest import token_client

    body = {
        "en": "I have the honour to inform you of the meeting of the Senior Officials "
              "Committee.",
        "ru": "Имею честь сообщить Вам о заседании Комитета старших должностных лиц.",
        "kk": "Сізге отырыс туралы хабарлауды өзіме мәртебе санаймын.",
    }
    example = get_kind("letter").example()
    response = token_client(drafter).post("/api/v1/letters/", {
        "languages": example["languages"], "addressee_block": example["addressee_block"],
        "body": body}, format="json")
    assert response.status_code == 201, response.json()
    letter = Letter.objects.get(pk=response.json()["id"])
    assert [f.language for f in term_warnings(letter)] == ["kk"]
    assert any(c["code"] == "term_missing" for c in response.json()["checks"])


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "на заседании Комитета старших должностных лиц"),
    ("ru", "Комитетом старших должностных лиц СВМДА"),
    ("ru", "КОМИТЕТ СТАРШИХ ДОЛЖНОСТНЫХ ЛИЦ"),
    ("kk", "Аға лауазымды тұлғалар комитетінің отырысы"),
    ("kk", "Аға лауазымды тұлғалар комитетіне"),
    ("kk", "Аға лауазымды тұлғалар комитетінде"),
    ("kk", "Аға лауазымды тұлғалар комитетімен"),
    ("en", "the Senior Officials Committee's meeting"),
])
def test_inflected_forms_of_a_term_are_found(lang, text):
    names = {entry.texts["en"] for entry in found_in(active_entries(), text, lang)}
    assert "Senior Officials Committee" in names


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "комитет по делам старших"),
    ("kk", "Аға комитет"),
    ("en", "the Committee of Senior Officials"),
])
def test_other_words_are_not_taken_for_the_term(lang, text):
    names = {entry.texts["en"] for entry in found_in(active_entries(), text, lang)}
    assert "Senior Officials Committee" not in names


def test_a_term_saved_by_an_administrator_is_checked_at_once(drafter, admin_user):
    note = create("note", drafter, reference_note_content())
    assert term_warnings(note) == []
    term_save(texts={"en": "tentatively scheduled", "ru": "предварительно планируется",
                     "kk": "уақытша белгіленген"}, category="phrase", by=admin_user)
    assert [f.language for f in term_warnings(note)] == ["kk"]


def test_a_paragraph_marked_as_having_no_counterpart_does_not_shift_the_check(client, drafter):
    """The check pairs the paragraphs the aligned view pairs: a Russian paragraph the drafter
    marked as having no counterpart is left out, so the paragraphs after it meet their own."""
    extra = "Текст прилагается."
    bodies = {lang: f"Вводный абзац.\n\n{TEXTS[lang]['body']}" for lang in ("en", "kk")}
    bodies["ru"] = f"Вводный абзац.\n\n{extra}\n\n{TEXTS['ru']['body']}"
    note = create("note", drafter, reference_note_content(
        **{f"body_{lang}": text for lang, text in bodies.items()}))
    shifted = term_warnings(note)
    assert "ru" in {f.language for f in shifted}  # paragraph 2: the added one, no terms
    client.force_login(drafter)
    response = client.post(f"/en/workbench/{note.pk}/unpaired/", {"block": "body__ru__1"})
    assert response.status_code == 302
    assert term_warnings(note) == []
