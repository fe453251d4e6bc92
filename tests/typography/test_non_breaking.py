"""What stays together at a line end, per language (FORMAT_RULES.md, "Typesetting")."""

import pytest

from cica_docs.typography import typeset

# In the expectations "~" is a no-break space and "|" a word joiner; spans that keep a word
# from hyphenation are left out (tests/typography/test_html.py checks them).


def shown(text, language, context="body"):
    html = typeset(text, language, context)
    html = html.replace('<span class="nohyphens">', "").replace("</span>", "")
    return html.replace("\u00a0", "~").replace("\u2060", "|")


@pytest.mark.parametrize(("language", "typed", "printed"), [
    ("ru", "СВМДА 14 марта 2024 года", "СВМДА 14~марта 2024~года"),
    ("ru", "Специальной рабочей группы 12 марта", "Специальной рабочей группы 12~марта"),
    ("en", "of 8 September 2006", "of 8~September 2006"),
    ("en", "on March 12 and", "on March~12 and"),
    ("kk", "2024 жылғы 28 қыркүйектегі", "2024~жылғы~28~қыркүйектегі"),
    ("kk", "2024 жылғы 12 наурызда өтетін", "2024~жылғы~12~наурызда өтетін"),
])
def test_a_day_stays_with_its_month(language, typed, printed):
    assert shown(typed, language) == printed


@pytest.mark.parametrize(("language", "typed", "printed"), [
    ("ru", "в октябре 2021 года", "в~октябре~2021~года"),
    ("ru", "Март 2024 года", "Март~2024~года"),
    ("en", "of October 2004", "of October~2004"),
    ("kk", "2024 жылғы наурыз", "2024~жылғы~наурыз"),
])
def test_a_month_and_its_year_stay_together_where_they_make_the_date(language, typed,
                                                                     printed):
    assert shown(typed, language) == printed


def test_a_month_after_zhylgy_is_kept_whole_like_a_month_after_a_day():
    keep = '<span class="nohyphens">'
    assert typeset("2024 жылғы наурыз", "kk") == f"2024\u00a0жылғы\u00a0{keep}наурыз</span>"
    assert typeset("2024 жылғы 6 наурыз", "kk") == (
        f"2024\u00a0жылғы\u00a06\u00a0{keep}наурыз</span>")


def test_a_year_stays_with_goda_and_zhylgy_and_zhylgy_with_what_it_qualifies():
    assert shown("в 2012 году Совещание", "ru") == "в~2012~году Совещание"
    assert shown("2024 жылғы 6 наурыз", "kk") == "2024~жылғы~6~наурыз"
    assert shown("1992 жылы құрылды", "kk") == "1992~жылы құрылды"


@pytest.mark.parametrize(("language", "typed", "printed"), [
    ("ru", "ноту № 16 от 6 марта", "ноту №~16 от~6~марта"),
    ("kk", "№ NCT/CT/274 нотасына", "№~NCT/|CT/|274 нотасына"),
    ("en", "note No. 16 of", "note No.~16 of"),
])
def test_the_number_sign_stays_with_its_number(language, typed, printed):
    assert shown(typed, language) == printed


@pytest.mark.parametrize(("language", "typed", "printed"), [
    ("ru", "Глава КТУ ООН В. Воронков предложил", "Глава КТУ ООН В.~Воронков предложил"),
    ("ru", "господину В. В. Воронкову", "господину В.~В.~Воронкову"),
    ("ru", "Воронков В.В. отметил", "Воронков~В.В. отметил"),
    ("en", "Ambassador K. Sarybay and", "Ambassador K.~Sarybay and"),
    ("kk", "Елші К. Сарыбай", "Елші К.~Сарыбай"),
    ("ru", "Посла К.Сарыбай с", "Посла К.Сарыбай с"),  # no space: no break either
])
def test_initials_stay_with_the_surname(language, typed, printed):
    assert shown(typed, language) == printed


@pytest.mark.parametrize(("language", "typed", "printed"), [
    ("ru", "Приложение: упомянутое, на 10 л.", "Приложение: упомянутое, на~10~л."),
    ("en", "Enclosure: as stated, on 10 p.", "Enclosure: as stated, on 10~p."),
    ("kk", "Қосымша: аталған, 10 парақта.", "Қосымша: аталған, 10~парақта."),
    ("en", "up by 15 per cent", "up by 15~per cent"),
])
def test_a_number_stays_with_its_unit(language, typed, printed):
    assert shown(typed, language) == printed


def test_a_dash_stays_with_the_word_before_it():
    assert shown("Генерального секретаря – Глава", "ru") == "Генерального секретаря~– Глава"
    assert shown("Under-Secretary-General — Head", "en") == "Under-Secretary-General~— Head"


@pytest.mark.parametrize(("language", "typed", "printed"), [
    ("ru", "СВМДА и имеет честь", "СВМДА и~имеет честь"),
    ("ru", "Совещания по взаимодействию и мерам доверия в Азии",
     "Совещания по~взаимодействию и~мерам доверия в~Азии"),
    ("ru", "В ходе заседания", "В~ходе заседания"),
    ("ru", "к участникам от имени", "к~участникам от~имени"),
    ("kk", "Хатшылығы мен Біріккен", "Хатшылығы мен~Біріккен"),
    ("kk", "іс-қимыл және сенім", "іс-қимыл және~сенім"),
])
def test_short_prepositions_and_conjunctions_stay_with_the_next_word(language, typed,
                                                                      printed):
    assert shown(typed, language) == printed


def test_particles_stay_with_the_word_before():
    assert shown("тағы да растайды", "kk") == "тағы~да растайды"
    assert shown("можно ли сказать", "ru") == "можно~ли сказать"


def test_a_one_letter_word_never_ends_a_line_in_english_either():
    assert shown("to conclude a Memorandum", "en") == "to conclude a~Memorandum"


def test_in_english_articles_and_of_stay_with_the_next_word_in_the_letterhead_and_addressee():
    line = "SECRETARIAT OF THE CONFERENCE ON INTERACTION AND CONFIDENCE BUILDING MEASURES IN ASIA"
    assert shown(line, "en", "letterhead") == (
        "SECRETARIAT OF~THE~CONFERENCE ON~INTERACTION AND~CONFIDENCE BUILDING MEASURES "
        "IN~ASIA"
    )
    assert shown("OF THE CONFERENCE ON INTERACTION", "en", "addressee") == (
        "OF~THE~CONFERENCE ON~INTERACTION")
    # In running text they break as usual.
    assert shown("the Secretariat of the Conference", "en") == "the Secretariat of the Conference"


def test_symbols_never_break_at_their_slashes():
    assert shown("NCT/CT/274, 60/288 and UNOCT/UNCCT", "en") == (
        "NCT/|CT/|274, 60/|288 and UNOCT/|UNCCT")
    assert shown("scoping/ technical", "en") == "scoping/ technical"


def test_a_number_never_breaks_from_its_ending_at_the_hyphen():
    assert shown("1-го Саммита, 90-х годов", "ru") == "1\u2011го Саммита, 90\u2011х годов"
    assert shown("государства-члены, Counter-Terrorism", "ru") == (
        "государства-члены, Counter-Terrorism")


def test_text_without_anything_to_bind_prints_as_typed():
    for language, text in (("ru", "Секретариат Совещания пользуется случаем"),
                           ("kk", "Азия Кеңесінің Хатшылығы осы мүмкіндікті пайдалана"),
                           ("en", "The CICA Secretariat avails itself of this opportunity")):
        assert typeset(text, language) == text


def test_several_spaces_or_a_line_break_between_bound_words_print_as_one_no_break_space():
    assert shown("14  марта и\nмерам", "ru") == "14~марта и~мерам"


def test_an_unknown_context_is_refused():
    with pytest.raises(ValueError, match="context"):
        typeset("text", "en", "footer")
