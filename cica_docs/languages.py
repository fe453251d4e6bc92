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
