"""Straight quotes and spaced hyphens as typed, printed as each language prints them."""

import re

import pytest

from cica_docs.typography import typeset


def shown(text, language):
    """`text` typeset as running text, without the spans that keep words whole."""
    printed = re.sub(r"</?span[^>]*>", "", typeset(text, language, "body"))
    return printed.replace("\u00a0", "~")


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_russian_and_kazakh_print_yolochki_with_lapki_inside(language):
    assert shown('"Декларацию "Азия Кеңесі" терроризма"', language) == (
        "«Декларацию „Азия Кеңесі“ терроризма»")


def test_typed_yolochki_count_for_the_quotes_inside_them():
    assert shown('«Декларация "Х"» и "У"', "ru") == "«Декларация „Х“» и~«У»"


def test_english_prints_curly_quotes_with_single_ones_inside():
    assert shown('"Requests the Secretariat" and "the \'Almaty\' Act"', "en") == (
        "“Requests the Secretariat” and “the ‘Almaty’ Act”")


def test_an_apostrophe_prints_as_a_right_single_quote():
    assert shown("CICA's cooperation, the Member States' capacity, '90s", "en") == (
        "CICA’s cooperation, the Member States’ capacity, ’90s")
    assert shown("Кот-д'Ивуар", "ru") == "Кот-д’Ивуар"


def test_quotes_around_punctuation_and_brackets_open_and_close_on_the_right_side():
    assert shown('("Алматинский акт"), "СВМДА".', "ru") == "(«Алматинский акт»), «СВМДА»."
    assert shown('rel="attachment" -"x"', "en") == "rel=“attachment” -“x”"


def test_a_quote_alone_between_spaces_is_left_as_typed():
    assert shown('12 " 14', "en") == '12 " 14'


@pytest.mark.parametrize(("language", "typed", "printed"), [
    ("ru", "Акте 2002 года - учредительном", "Акте 2002~года~— учредительном"),
    ("ru", "секретаря -- Глава", "секретаря~— Глава"),
    ("kk", "Азия Кеңесі - өңірлік", "Азия Кеңесі~— өңірлік"),
    ("en", "Under-Secretary-General - Head", "Under-Secretary-General~– Head"),
    ("en", "the Act --- founding", "the Act~– founding"),
])
def test_a_spaced_hyphen_prints_as_the_languages_dash_held_to_the_word_before(language, typed,
                                                                            printed):
    assert shown(typed, language) == printed


def test_hyphens_inside_words_and_numbers_stay_hyphens():
    assert shown("государства-члены, 2015-2030, Under-Secretary-General", "ru") == (
        "государства-члены, 2015-2030, Under-Secretary-General")


def test_typesetting_the_same_text_twice_changes_nothing_more():
    once = typeset('"Декларация" - 14 марта', "ru")
    assert typeset(once, "ru") == once
