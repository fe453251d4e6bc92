"""The checks of a note verbale: the drafter's words in the sentence of the formula and an
addressee complete in every language the note is issued in."""

import pytest

from cica_docs.documents import services
from cica_docs.documents.checks import run_checks
from cica_docs.letterhead.models import Addressee
from tests.factories import REFERENCE, make_note

pytestmark = pytest.mark.django_db


def _found(note, code):
    return [f for f in run_checks(note) if f.code == code]


def test_a_full_stop_inside_the_kazakh_slot_is_a_warning_that_shows_the_broken_sentence(
    drafter
):
    note = make_note(drafter, opening_kk="мүше мемлекеттерге хабарлауды.")
    found = _found(note, "opening_sentence_end")
    assert [(f.language, f.level) for f in found] == [("kk", "warning")]
    assert "хабарлауды. өзіне мәртебе санайды." in str(found[0].message)


def test_a_sentence_that_ends_in_the_middle_of_the_kazakh_slot_is_a_warning(drafter):
    note = make_note(drafter, opening_kk="тұжырымдаманы жолдайды. Сондай-ақ хабарлауды")
    assert [f.language for f in _found(note, "opening_sentence_end")] == ["kk"]


def test_abbreviations_and_initials_in_the_kazakh_slot_are_not_sentence_ends(drafter):
    note = make_note(drafter, opening_kk="2024 ж. 6 наурыздағы К.Сарыбай мен т.б. "
                                         "хабарлауды")
    assert _found(note, "opening_sentence_end") == []


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_an_english_or_russian_opening_without_its_full_stop_is_a_warning(drafter, lang):
    note = make_note(drafter, **{f"opening_{lang}": REFERENCE["opening"][lang].rstrip(".")})
    assert [f.language for f in _found(note, "opening_no_full_stop")] == [lang]


def test_a_full_stop_after_a_closing_quote_ends_the_sentence(drafter):
    note = make_note(drafter, opening_ru="направить «Концепцию сотрудничества».")
    assert _found(note, "opening_no_full_stop") == []


def test_an_addressee_without_its_kazakh_forms_is_an_error_that_blocks_the_note(drafter):
    partial = Addressee.objects.create(
        code="mfa-india", dative_en="the Ministry of External Affairs of the Republic of India",
        dative_ru="Министерству иностранных дел Республики Индия", dative_kk="",
        block_en="Ministry of External Affairs\nof the Republic of India",
        block_ru="Министерство иностранных дел\nРеспублики Индия", block_kk="",
    )
    note = make_note(drafter, addressee=partial)
    found = _found(note, "addressee_incomplete")
    assert [(f.language, f.is_error) for f in found] == [("kk", True)]
    assert "in the formulas" in str(found[0].message) and "address block" in \
        str(found[0].message)
    with pytest.raises(services.ChecksFailed):
        services.document_transition(document=note, action="submit", by=drafter,
                                     acknowledge_warnings=True)


def test_an_addressee_incomplete_only_in_a_language_not_issued_is_fine(drafter):
    partial = Addressee.objects.create(
        code="mfa-india", dative_en="the Ministry", dative_ru="Министерству", dative_kk="",
        block_en="Ministry", block_ru="Министерство", block_kk="",
    )
    note = make_note(drafter, addressee=partial, languages=("en", "ru"))
    assert _found(note, "addressee_incomplete") == []
