"""Official date forms, checked month by month against tables written out by hand."""

from datetime import date

import pytest

from cica_docs.languages import (
    UnknownLanguage,
    format_date,
    format_date_attributive,
    format_month_year,
    format_place_date,
    sort_key,
)

# (month, EN, RU genitive, RU nominative, KK, KK attributive), written out in full so the
# test does not reuse the tables under test.
MONTHS = [
    (1, "January", "января", "январь", "қаңтар", "қаңтардағы"),
    (2, "February", "февраля", "февраль", "ақпан", "ақпандағы"),
    (3, "March", "марта", "март", "наурыз", "наурыздағы"),
    (4, "April", "апреля", "апрель", "сәуір", "сәуірдегі"),
    (5, "May", "мая", "май", "мамыр", "мамырдағы"),
    (6, "June", "июня", "июнь", "маусым", "маусымдағы"),
    (7, "July", "июля", "июль", "шілде", "шілдедегі"),
    (8, "August", "августа", "август", "тамыз", "тамыздағы"),
    (9, "September", "сентября", "сентябрь", "қыркүйек", "қыркүйектегі"),
    (10, "October", "октября", "октябрь", "қазан", "қазандағы"),
    (11, "November", "ноября", "ноябрь", "қараша", "қарашадағы"),
    (12, "December", "декабря", "декабрь", "желтоқсан", "желтоқсандағы"),
]


@pytest.mark.parametrize(("month", "en", "ru_gen", "ru_nom", "kk", "kk_attr"), MONTHS)
def test_the_full_date_has_the_official_form_in_every_month_and_language(
    month, en, ru_gen, ru_nom, kk, kk_attr
):
    d = date(2024, month, 6)
    assert format_date(d, "en") == f"6 {en} 2024"
    assert format_date(d, "ru") == f"6 {ru_gen} 2024 года"
    assert format_date(d, "kk") == f"2024 жылғы 6 {kk}"


@pytest.mark.parametrize(("month", "en", "ru_gen", "ru_nom", "kk", "kk_attr"), MONTHS)
def test_month_and_year_use_the_nominative_in_lower_case(month, en, ru_gen, ru_nom, kk, kk_attr):
    d = date(2024, month, 28)
    assert format_month_year(d, "en") == f"{en} 2024"
    assert format_month_year(d, "ru") == f"{ru_nom} 2024 года"
    assert format_month_year(d, "kk") == f"2024 жылғы {kk}"


@pytest.mark.parametrize(("month", "en", "ru_gen", "ru_nom", "kk", "kk_attr"), MONTHS)
def test_place_and_date_put_the_place_first_in_its_own_form(month, en, ru_gen, ru_nom, kk, kk_attr):
    d = date(2023, month, 1)
    assert format_place_date("Astana", d, "en") == f"Astana, 1 {en} 2023"
    assert format_place_date("город Астана", d, "ru") == f"город Астана, 1 {ru_gen} 2023 года"
    assert format_place_date("Астана қаласы", d, "kk") == f"Астана қаласы, 2023 жылғы 1 {kk}"


@pytest.mark.parametrize(("month", "en", "ru_gen", "ru_nom", "kk", "kk_attr"), MONTHS)
def test_the_attributive_date_follows_kazakh_vowel_harmony_and_russian_ot(
    month, en, ru_gen, ru_nom, kk, kk_attr
):
    d = date(2024, month, 16)
    assert format_date_attributive(d, "kk") == f"2024 жылғы 16 {kk_attr}"
    assert format_date_attributive(d, "ru") == f"от 16 {ru_gen} 2024 года"
    assert format_date_attributive(d, "en") == f"of 16 {en} 2024"


def test_the_reference_note_date_reads_as_in_the_reference_package():
    d = date(2024, 3, 6)
    assert format_place_date("Astana", d, "en") == "Astana, 6 March 2024"
    assert format_place_date("город Астана", d, "ru") == "город Астана, 6 марта 2024 года"
    assert format_place_date("Астана қаласы", d, "kk") == "Астана қаласы, 2024 жылғы 6 наурыз"
    assert f"№ 274 нота {format_date_attributive(d, 'ru')}" == "№ 274 нота от 6 марта 2024 года"


def test_a_language_without_date_forms_is_refused_rather_than_guessed():
    with pytest.raises(UnknownLanguage):
        format_date(date(2024, 3, 6), "de")
    with pytest.raises(UnknownLanguage):
        format_month_year(date(2024, 3, 6), "de")


def test_every_configured_language_has_date_forms(settings):
    for code, _name in settings.LANGUAGES:
        assert format_date(date(2024, 3, 6), code)


def test_kazakh_letters_sort_after_their_russian_neighbours():
    names = ["Өзбекстан", "Оман", "Пәкістан"]
    assert sorted(names, key=lambda n: sort_key(n, "kk")) == ["Оман", "Өзбекстан", "Пәкістан"]


def test_a_latin_line_in_a_russian_or_kazakh_copy_is_written_in_english():
    from cica_docs.languages import written_in

    line = "SECRETARIAT OF THE CONFERENCE ON INTERACTION AND CONFIDENCE BUILDING MEASURES IN ASIA"
    assert written_in(line, "ru") == "en" and written_in(line, "kk") == "en"
    assert written_in("СЕКРЕТАРИАТ СОВЕЩАНИЯ", "ru") == "ru"
    assert written_in("АЗИЯДАҒЫ ӨЗАРА ІС-ҚИМЫЛ", "kk") == "kk"
    assert written_in("№ 275", "ru") == "ru"  # no letters: the copy's own
    assert written_in("NCT/СТ/274", "ru") == "ru"  # mixed scripts: not English
