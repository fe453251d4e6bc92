"""Language facts the locale libraries get wrong: alphabets and sorting.

Everything here is keyed by language code from settings.LANGUAGES; no caller assumes
exactly three languages.
"""

from django.conf import settings
from django.utils import translation

# Alphabetical order of each Cyrillic alphabet (lower case). Kazakh places its own letters
# after their nearest Russian neighbours, so Kazakh order differs from Russian order.
ALPHABETS = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "en": "abcdefghijklmnopqrstuvwxyz",
}
_RANKS = {
    lang: {letter: index + 1 for index, letter in enumerate(alphabet)}
    for lang, alphabet in ALPHABETS.items()
}


def sort_key(text: str, language: str | None = None) -> tuple[int, ...]:
    """Key that orders `text` by the alphabet of `language` (default: the active language).

    Letters outside that alphabet follow it in code-point order; spaces and punctuation
    come first, as in a printed index.
    """
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    ranks = _RANKS.get(language, _RANKS["en"])
    key = []
    for char in text.casefold():
        if char in ranks:
            key.append(ranks[char])
        elif char.isalnum():
            key.append(1000 + ord(char))
        else:
            key.append(0)
    return tuple(key)


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz")


def written_in(text: str, language: str) -> str:
    """The language a line of `language`'s copy is written in, as far as its letters tell:
    a line of Latin letters only is English (the letterhead of every copy carries the
    Secretariat's name in English too, FORMAT_RULES.md), any other the copy's own."""
    letters = {char for char in text.casefold() if char.isalpha()}
    if language != "en" and letters and letters <= _LATIN:
        return "en"
    return language


# Official dates. Django's `j E Y` and Babel's long formats are wrong for both Russian
# («6 марта 2024», no «года») and Kazakh (wrong order, capital month), so every form is
# built from numbers and these tables.
MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    # Genitive: the month after a day number, «6 марта».
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
    "kk": ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
           "қыркүйек", "қазан", "қараша", "желтоқсан"),
}
# Month without a day (month-year line): Russian uses the nominative, «март 2024 года».
MONTHS_STANDALONE = {
    "en": MONTHS["en"],
    "ru": ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
           "сентябрь", "октябрь", "ноябрь", "декабрь"),
    "kk": MONTHS["kk"],
}

_KK_BACK_VOWELS = set("аоұыя")
_KK_FRONT_VOWELS = set("әеөүіэ")
# After these the Kazakh locative takes т- (қыркүйекте, желтоқсанда: н is voiced).
_KK_VOICELESS = set("пфкқтсшщчцх")


class UnknownLanguage(ValueError):
    """A language code that has no date forms (not in the month tables)."""


def _tables(language: str) -> tuple[str, ...]:
    try:
        return MONTHS[language]
    except KeyError:
        raise UnknownLanguage(f"No official date forms for language {language!r}") from None


def _kk_attributive_suffix(word: str) -> str:
    """-дағы/-тағы/-дегі/-тегі by the last vowel (harmony) and last sound (voicing)."""
    last_vowel = next((c for c in reversed(word) if c in _KK_BACK_VOWELS | _KK_FRONT_VOWELS), "а")
    front = last_vowel in _KK_FRONT_VOWELS
    voiceless = word[-1] in _KK_VOICELESS
    return ("т" if voiceless else "д") + ("егі" if front else "ағы")


def format_date(d, language: str) -> str:
    """Full official date: `6 March 2024` / `6 марта 2024 года` / `2024 жылғы 6 наурыз`."""
    month = _tables(language)[d.month - 1]
    if language == "ru":
        return f"{d.day} {month} {d.year} года"
    if language == "kk":
        return f"{d.year} жылғы {d.day} {month}"
    return f"{d.day} {month} {d.year}"


def format_month_year(d, language: str) -> str:
    """Month and year, lower case where the language writes it so (templates capitalise at
    the start of a line): `March 2024` / `март 2024 года` / `2024 жылғы наурыз`."""
    _tables(language)
    month = MONTHS_STANDALONE[language][d.month - 1]
    if language == "ru":
        return f"{month} {d.year} года"
    if language == "kk":
        return f"{d.year} жылғы {month}"
    return f"{month} {d.year}"


def format_place_date(place: str, d, language: str) -> str:
    """Place-and-date line: `Astana, 6 March 2024` / `город Астана, 6 марта 2024 года` /
    `Астана қаласы, 2024 жылғы 6 наурыз`. `place` is data in the language's own form."""
    return f"{place}, {format_date(d, language)}"


def format_date_attributive(d, language: str) -> str:
    """The date standing before a noun ("note … dated …").

    Kazakh: `2024 жылғы 6 наурыздағы` (№ 274 нота); Russian: `от 6 марта 2024 года`;
    English: `of 6 March 2024`.
    """
    if language == "kk":
        month = _tables(language)[d.month - 1]
        return f"{d.year} жылғы {d.day} {month}{_kk_attributive_suffix(month)}"
    if language == "ru":
        return f"от {format_date(d, language)}"
    return f"of {format_date(d, language)}"
