"""What the pre-issue checks read for in a text, language by language."""

import pytest

from cica_docs.documents.checks import run_checks
from cica_docs.documents.reading import (
    dates_in,
    first_person_words,
    mixed_script_words,
    odd_letters,
)
from tests.factories import REFERENCE, make_note

pytestmark = pytest.mark.django_db


def test_a_greek_tau_in_a_symbol_is_caught_and_named():
    # Latin C, Greek capital Tau: the Greek letter prints like the Latin T.
    assert mixed_script_words("№ NCT/C\u03a4/274") == ["NCT/C\u03a4/274"]
    assert odd_letters("NCT/C\u03a4/274") == [("\u03a4", "GREEK")]


@pytest.mark.parametrize("word, odd", [
    ("Sec\u0440etariat", ("\u0440", "CYRILLIC")),     # Cyrillic er for p
    ("\u0391sia", ("\u0391", "GREEK")),                 # Greek Alpha
    ("\u0425\u0430\u0442\u0448\u044bl\u044b\u0493\u044b", ("l", "LATIN")),  # Latin l in Kazakh
    ("\u0562ank", ("\u0562", "ARMENIAN")),              # Armenian ben
])
def test_look_alike_letters_of_any_script_are_caught(word, odd):
    assert mixed_script_words(f"the {word} of") == [word]
    assert odd in odd_letters(word)


def test_words_of_one_script_and_kazakh_letters_are_not_flagged():
    assert mixed_script_words("Азия Кеңесінің Хатшылығы, NCT/CT/274, 2024 жылғы") == []


def test_a_mixed_word_is_a_warning_that_names_the_odd_letter(drafter):
    note = make_note(drafter, body_ru="Нота № NCT/C\u03a4/274 от 6 марта 2024 года.")
    found = [f for f in run_checks(note) if f.code == "mixed_script"]
    assert [f.language for f in found] == ["ru"]
    assert "\u03a4 (Greek)" in str(found[0].message)


@pytest.mark.parametrize("text, lang, expected", [
    ("on 2 February 2027", "en", [(2, 2)]),
    ("on March 6, 2024 and in October 2021", "en", [(6, 3), (None, 10)]),
    ("2 марта 2027 года", "ru", [(2, 3)]),
    ("в марте 2024 года и 12 мая", "ru", [(None, 3), (12, 5)]),
    ("2027 жылғы 2 наурыз", "kk", [(2, 3)]),
    ("2024 жылғы 12 наурызда және 14 наурызда", "kk", [(12, 3), (14, 3)]),
    ("the March meeting, 2 500 participants", "en", []),
])
def test_dates_are_read_in_each_language(text, lang, expected):
    assert [key for key, _written in dates_in(text, lang)] == expected


@pytest.mark.parametrize("lang, text", [
    ("ru", "Заседание состоится 2 марта 2027 года."),
    ("kk", "Отырыс 2027 жылғы 2 наурызда өтеді."),
])
def test_a_date_that_differs_between_languages_is_a_warning(drafter, lang, text):
    # The numbers are the same (2, 2027): only the month differs.
    bodies = {"body_en": "The meeting will be held on 2 February 2027.",
              "body_ru": "Заседание состоится 2 февраля 2027 года.",
              "body_kk": "Отырыс 2027 жылғы 2 ақпанда өтеді."}
    note = make_note(drafter, **{**bodies, f"body_{lang}": text})
    found = [f for f in run_checks(note) if f.code == "dates_differ"]
    assert [f.language for f in found] == [lang]
    assert "2 February 2027" in str(found[0].message)
    assert not any(f.code == "numbers_differ" for f in run_checks(note))


def test_the_reference_dates_agree_although_kazakh_puts_the_year_first(drafter):
    # EN "12 March … 14 March 2024", KK «2024 жылғы 12 наурызда … 14 наурызда».
    note = make_note(drafter)
    assert not any(f.code == "dates_differ" for f in run_checks(note))


@pytest.mark.parametrize("text", [
    "The list is in Annex I.",
    "The Parties agree: (i) to meet; (ii) to report.",
    "since the end of World War I",
    "I. INTRODUCTION",
    "Phase I and Phase II; Baskets I–III",
    "Cooperation, i.e. the exchange of information",
    "The US delegation",
    "Markup: <i>italic</i>, <b>bold</b>, [see](https://example.org/us/our-page).",
])
def test_the_first_person_check_ignores_roman_numerals_abbreviations_and_markup(text):
    assert first_person_words(text, "en") == []


@pytest.mark.parametrize("text, words", [
    ("I have the honour to inform", ["i"]),
    ("The Secretariat and I agree.", ["i"]),
    ("Yesterday I wrote to **our** partners.", ["i", "our"]),
    ("Let us meet.", ["us"]),
])
def test_the_first_person_pronoun_is_still_caught(text, words):
    assert first_person_words(text, "en") == words


def test_the_reference_note_raises_no_text_warnings(drafter):
    note = make_note(drafter)
    codes = {f.code for f in run_checks(note)}
    assert not codes & {"mixed_script", "dates_differ", "numbers_differ", "first_person",
                        "opening_no_full_stop", "opening_sentence_end"}
    assert REFERENCE["opening"]["kk"].endswith("жолдауды")
