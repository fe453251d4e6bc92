"""Finding the termbase's terms in a paragraph, whatever their inflected form.

Each word becomes the set of forms it may stand for: Russian words their dictionary forms
by pymorphy3 (with the OpenCorpora dictionary of pymorphy3-dicts-ru: «Комитета старших» →
{комитет}, {старший}, since a word form may be several words' form, every reading is kept);
Kazakh words their stems (kazakh.py); English words lower case without a plural -s or a
possessive 's. A term is found where its words' sets meet the text's, word after word.

The terms' forms are computed when a term is saved (Term.forms) and the built index is kept
per process until a term changes (one query tells); a paragraph's forms are remembered too,
so a preview that re-runs the checks on every key stroke analyses only what changed.
"""

import functools
import re
from dataclasses import dataclass

from . import kazakh

_WORD = re.compile(r"[^\W_]+")


@functools.cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _english(word: str) -> frozenset[str]:
    word = word.removesuffix("'s").removesuffix("’s")
    if len(word) > 4 and word.endswith("ies"):
        return frozenset({word, word[:-3] + "y"})
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return frozenset({word, word[:-1]})
    return frozenset({word})


@functools.lru_cache(maxsize=50_000)
def word_forms(word: str, lang: str) -> frozenset[str]:
    word = word.lower().replace("ё", "е")
    if lang == "ru":
        return frozenset({word} | {p.normal_form.replace("ё", "е") for p in _morph().parse(word)})
    if lang == "kk":
        return kazakh.stems(word)
    return _english(word)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@functools.lru_cache(maxsize=4096)
def text_forms(text: str, lang: str) -> tuple[frozenset[str], ...]:
    return tuple(word_forms(word, lang) for word in words(text))


def term_forms(text: str, lang: str) -> list[list[str]]:
    """What Term.forms stores for one language: each word's forms, sorted (JSON)."""
    return [sorted(forms) for forms in text_forms(text, lang)]


@dataclass(frozen=True)
class Entry:
    pk: int
    texts: dict  # {lang: the term as written}
    forms: dict  # {lang: tuple of frozensets}, languages with a value only


def occurs(term: tuple, text: tuple) -> bool:
    """Whether the word-form sequence `term` is found in `text`, word after word."""
    length = len(term)
    if not length:
        return False
    return any(
        all(term[j] & text[i + j] for j in range(length))
        for i in range(len(text) - length + 1)
    )


@functools.lru_cache(maxsize=4096)
def _present(text: str, lang: str) -> frozenset[str]:
    return frozenset().union(*text_forms(text, lang))


def found_in(entries, text: str, lang: str) -> list:
    """The entries whose `lang` form occurs in `text`. A term one of whose words is nowhere
    in the paragraph is passed over before its sequence is looked for."""
    forms, present = text_forms(text, lang), _present(text, lang)
    return [
        entry for entry in entries
        if lang in entry.forms and all(word & present for word in entry.forms[lang])
        and occurs(entry.forms[lang], forms)
    ]
