"""Hyphenation dictionaries for WeasyPrint: pyphen's English and Russian, and our Kazakh.

WeasyPrint 70 hyphenates a text set with `hyphens: auto` by asking pyphen for the
dictionary of the element's `lang` (`pyphen.language_fallback`, then `pyphen.Pyphen(lang=…)`)
and has no hook of its own. pyphen finds dictionaries in its `LANGUAGES` table (and the
lower-case index `language_fallback` reads), so registering our file there is enough.

Loading a dictionary costs 50–160 ms (English is the largest) and pyphen keeps what it
loaded for the life of the process: `preload` loads all three once in the process that
forks the renderers, so that no render pays for it.
"""

from pathlib import Path

import pyphen

KAZAKH = Path(__file__).resolve().parent / "dictionaries" / "hyph_kk_KZ.dic"
LANGUAGES = ("en", "ru", "kk")
# hyphenate-limit-chars in static/css/pdf.css: the smallest word, and the fewest letters
# left on a line or carried to the next. pyphen keeps one copy of each file's patterns,
# whatever these numbers.
LEFT, RIGHT = 2, 2


def register() -> None:
    """Make `lang="kk"` (and kk-KZ) find the Kazakh patterns. Ours win even if a later
    pyphen ships a Kazakh dictionary: the tests pin these breaks."""
    for name in ("kk", "kk_KZ"):
        pyphen.LANGUAGES[name] = KAZAKH
        pyphen.LANGUAGES_LOWERCASE[name.lower()] = name


def dictionary(language: str) -> pyphen.Pyphen:
    """The dictionary WeasyPrint uses for `language` ("en", "ru", "kk")."""
    register()
    return pyphen.Pyphen(lang=pyphen.language_fallback(language), left=LEFT, right=RIGHT)


def preload() -> None:
    for language in LANGUAGES:
        dictionary(language)


register()
