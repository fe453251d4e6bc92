import pytest

from cica_docs.documents.checks import (
    first_person_words,
    mixed_script_words,
    numbers_in,
    run_checks,
)
from tests.factories import make_note

pytestmark = pytest.mark.django_db


def test_a_symbol_typed_with_cyrillic_letters_is_caught():
    # The reference Russian copy printed NCT/СТ/274 with Cyrillic С and Т.
    assert mixed_script_words("№ NCT/СТ/274") == ["NCT/СТ/274"]
    assert mixed_script_words("№ NCT/CT/274 и СВМДА") == []


def test_a_latin_letter_inside_a_russian_word_is_caught():
    assert mixed_script_words("государствам-членам СВМДA") == ["СВМДA"]


def test_numbers_ignore_thousands_separators():
    assert numbers_in("more than 2,100 individuals") == numbers_in("более 2100 человек")
    assert numbers_in("12 March") != numbers_in("13 марта")


def test_first_person_words_per_language():
    assert first_person_words("We thank our partners.", "en") == ["our", "we"]
    assert first_person_words("Мы благодарим.", "ru") == ["мы"]
    assert first_person_words("Хатшылығы мен басқармасы", "kk") == []


def test_checks_on_a_note_name_the_language(drafter):
    note = make_note(
        drafter,
        body_ru="Заседание состоится 13 марта 2024 года в NCT/СТ/274.",
    )
    findings = {(f.code, f.language) for f in run_checks(note)}
    assert ("mixed_script", "ru") in findings
    assert ("numbers_differ", "ru") in findings
    assert not any(f.is_error for f in run_checks(note))


def test_missing_addressee_and_series_are_errors(drafter):
    note = make_note(drafter)
    note.addressee = None
    note.series = None
    codes = {f.code for f in run_checks(note) if f.is_error}
    assert codes == {"no_addressee", "no_series"}


def test_an_empty_language_the_note_is_not_issued_in_is_fine(drafter):
    note = make_note(drafter, languages=("en", "ru"), opening_kk="", body_kk="")
    assert not [f for f in run_checks(note) if f.is_error]
