"""The Kazakh hyphenation patterns, checked on words hyphenated by hand."""

from pathlib import Path

import pyphen
import pytest

from cica_docs.typography import hyphenation
from cica_docs.typography.kazakh_hyphenation import dictionary

WORDS = [
    line.strip()
    for line in (Path(__file__).parent / "kazakh_words.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def test_the_word_list_has_more_than_200_distinct_kazakh_words():
    assert len(WORDS) >= 200 and len(set(WORDS)) == len(WORDS)


@pytest.mark.parametrize("expected", WORDS)
def test_each_word_breaks_exactly_where_the_syllable_rules_put_it(expected):
    word = expected.replace("-", "")
    assert hyphenation.dictionary("kk").inserted(word) == expected


def test_no_break_leaves_or_carries_a_single_letter():
    kazakh = hyphenation.dictionary("kk")
    for word in ("ата", "ауыл", "Аға", "оқу", "Азия", "ана", "ие", "өзі"):
        assert kazakh.inserted(word) == word


def test_words_in_capitals_break_like_the_same_word_in_small_letters():
    # pyphen compares in lower case; the print HTML keeps words in capitals whole
    # (tests/typography/test_html.py), so this is about case-insensitive patterns only.
    assert hyphenation.dictionary("kk").inserted("ХАТШЫЛЫҒЫ") == "ХАТ-ШЫ-ЛЫ-ҒЫ"


def test_digits_and_latin_letters_are_never_broken():
    kazakh = hyphenation.dictionary("kk")
    for word in ("20242025", "NCT", "Secretariat", "UNESCO"):
        assert kazakh.inserted(word) == word


def test_lang_kk_and_kk_kz_find_the_kazakh_patterns_and_ru_stays_russian():
    assert pyphen.language_fallback("kk") == "kk"
    assert pyphen.language_fallback("kk-KZ") == "kk_KZ"
    assert pyphen.LANGUAGES["kk"] == hyphenation.KAZAKH
    assert pyphen.LANGUAGES[pyphen.language_fallback("ru")].name == "hyph_ru_RU.dic"


def test_the_shipped_dictionary_is_what_the_generator_writes():
    assert hyphenation.KAZAKH.read_text("utf-8") == dictionary()


def test_the_shipped_dictionary_says_where_it_comes_from_and_its_licence():
    notes = (hyphenation.KAZAKH.parent / "README_hyph_kk_KZ.txt").read_text("utf-8")
    assert "kazakh_hyphenation.py" in notes and "CC0" in notes
    assert hyphenation.KAZAKH.read_text("utf-8").startswith("UTF-8\n")
