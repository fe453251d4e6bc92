"""What a reviser reads for in a text: letters of another script that look alike, numbers,
dates and first-person words. Pure functions of text and language; `checks.py` turns their
results into findings.

Scripts come from Unicode's data (the `confusable-homoglyphs` package ships Unicode's
Scripts and confusables tables), not from a table of our own: a Greek Tau in `NCT/CΤ/274`
is caught like a Cyrillic Т.
"""

import re
from collections import Counter

from confusable_homoglyphs import categories

from cica_docs.languages import MONTHS, MONTHS_STANDALONE

# Characters that belong to every script (digits, punctuation) or to the one before them.
_NEUTRAL_SCRIPTS = {"COMMON", "INHERITED"}
_EDGE_PUNCTUATION = ".,;:()[]«»\"'“”‘’!?"


def script_of(char: str) -> str | None:
    """Unicode's script of a letter ("LATIN", "CYRILLIC", "GREEK", …); None for others."""
    if not char.isalpha():
        return None
    try:
        script = categories.alias(char)
    except (KeyError, IndexError, ValueError):
        return None
    return None if script in _NEUTRAL_SCRIPTS else script


def mixed_script_words(text: str) -> list[str]:
    """Words (and symbols such as NCT/СТ/274) whose letters come from more than one script:
    almost always a look-alike letter typed by mistake."""
    found = []
    for token in re.findall(r"\S+", text):
        scripts = {script_of(c) for c in token} - {None}
        word = token.strip(_EDGE_PUNCTUATION)
        if len(scripts) > 1 and word not in found:
            found.append(word)
    return found


def odd_letters(word: str) -> list[tuple[str, str]]:
    """The letters of `word` outside its main script, with their script: [("Τ", "GREEK")]."""
    scripts = [script_of(c) for c in word]
    counts = Counter(s for s in scripts if s)
    if len(counts) < 2:
        return []
    # The main script is the most frequent; on a tie, the one of the first letter.
    first = next(s for s in scripts if s)
    main = max(counts, key=lambda s: (counts[s], s == first))
    letters = []
    for char, script in zip(word, scripts, strict=True):
        if script and script != main and (char, script) not in letters:
            letters.append((char, script))
    return letters


# --- numbers -------------------------------------------------------------------------------

# Digits, allowing thousands separators (2,100 / 2 100 / 2 100) inside a number.
_NUMBER = re.compile(r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d+")


def numbers_in(text: str) -> Counter:
    return Counter(re.sub(r"\D", "", match) for match in _NUMBER.findall(text))


# --- dates ---------------------------------------------------------------------------------

def _russian_forms(number: int) -> list[str]:
    """Genitive (6 марта), nominative (март 2024 года) and prepositional (в марте)."""
    nominative = MONTHS_STANDALONE["ru"][number]
    stem = nominative[:-1] if nominative[-1] in "ьй" else nominative
    return [MONTHS["ru"][number], nominative, stem + "е"]


def _month_pattern(forms_by_month: list[list[str]], *, suffixes: bool) -> str:
    alternatives = sorted(
        ((form, number) for number, forms in enumerate(forms_by_month) for form in forms),
        key=lambda item: -len(item[0]),
    )
    tail = r"[^\W\d_]*" if suffixes else r"(?![^\W\d_])"
    names = "|".join(re.escape(form) for form, _n in alternatives)
    return r"(?<![^\W\d_])(?P<month>" + names + ")" + tail


_MONTH_FORMS = {
    "en": [[name] for name in MONTHS["en"]],
    "ru": [_russian_forms(number) for number in range(12)],
    # Kazakh months take case endings: наурызда, наурыздағы, наурызға.
    "kk": [[name] for name in MONTHS["kk"]],
}
_DAY = r"(?P<day>[0-3]?\d)(?!\d)"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)(?!\d)"
_DATE = {
    "en": re.compile(
        rf"(?<!\d)(?:{_DAY}(?:st|nd|rd|th)?\s+)?"
        rf"{_month_pattern(_MONTH_FORMS['en'], suffixes=False)}"
        rf"(?:\s+(?P<day2>[0-3]?\d)(?!\d))?(?:,?\s+{_YEAR})?"
    ),
    "ru": re.compile(
        rf"(?<!\d)(?:{_DAY}\s+)?{_month_pattern(_MONTH_FORMS['ru'], suffixes=False)}"
        rf"(?:\s+{_YEAR}(?:\s+года|\s+г\.)?)?",
        re.IGNORECASE,
    ),
    "kk": re.compile(
        rf"(?<!\d)(?:{_YEAR}\s+жыл[^\W\d_]*\s+)?(?:{_DAY}\s+)?"
        rf"{_month_pattern(_MONTH_FORMS['kk'], suffixes=True)}",
        re.IGNORECASE,
    ),
}


def _month_number(lang: str, word: str) -> int:
    word = word.casefold()
    for number, forms in enumerate(_MONTH_FORMS[lang]):
        if any(word == form.casefold() for form in forms):
            return number + 1
    raise ValueError(word)


def dates_in(text: str, lang: str) -> list[tuple[tuple[int | None, int], str]]:
    """The dates a text names, as ((day or None, month), the words as written): "6 March
    2024", «6 марта», «2024 жылғы 6 наурызда», "March 2024". A month without a day or a
    year next to it ("the March meeting") is not a date. Years are numbers, which the
    numbers check compares; here the day and the month are what must agree."""
    pattern = _DATE.get(lang)
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text):
        groups = match.groupdict()
        day = groups.get("day") or groups.get("day2")
        if not day and not groups.get("year"):
            continue
        day_number = int(day) if day else None
        if day_number is not None and not 1 <= day_number <= 31:
            continue
        month = _month_number(lang, groups["month"])
        found.append(((day_number, month), match.group().strip()))
    return found


def dates_differ(reference: list, other: list) -> tuple[list[str], list[str]]:
    """The dates only in `reference` and only in `other` (as written), compared by day
    and month."""
    keys_a = Counter(key for key, _text in reference)
    keys_b = Counter(key for key, _text in other)
    only_a, only_b = keys_a - keys_b, keys_b - keys_a

    def written(dates, wanted):
        shown = []
        for key, text in dates:
            if wanted[key] > 0:
                wanted[key] -= 1
                shown.append(text)
        return shown

    return written(reference, Counter(only_a)), written(other, Counter(only_b))


# --- first person --------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:[-/][^\W\d_]+)*", re.UNICODE)
FIRST_PERSON = {
    "en": {"we", "our", "ours", "us", "i", "my", "me", "ourselves"},
    "ru": {"мы", "наш", "наша", "наше", "наши", "нас", "нам", "нами", "нашего", "нашей",
           "нашим", "наших", "я", "мой", "моя", "мне", "меня"},
    "kk": {"біз", "біздің", "бізге", "бізді", "бізбен", "бізден", "өзіміз", "менің", "маған"},
}
# Markup is not wording: tags typed or pasted (<i>, </b>), Markdown emphasis and headings,
# link targets and addresses.
_MARKUP = re.compile(
    r"<\s*/?\s*[A-Za-z][^<>\n]{0,200}>"
    r"|\]\([^)\n]*\)"
    r"|\b[a-z][a-z0-9+.-]*://\S+"
    r"|\S+@\S+\.\S+"
    r"|[*_`#~]+"
)
# Nouns that number their parts with Roman numerals: "Annex I", "Basket I", "World War I".
_NUMBERED_NOUNS = {
    "annex", "appendix", "part", "chapter", "section", "article", "volume", "phase", "stage",
    "title", "class", "category", "book", "schedule", "level", "round", "group", "basket",
    "dimension", "war", "tier", "pillar", "type", "step", "session", "table", "figure",
    "protocol", "item", "paragraph", "division", "unit", "module", "option", "track",
}
_ABBREVIATIONS = {"US", "ME"}  # the United States, Maine/Middle East: not "us", "me"


def _without_markup(text: str) -> str:
    return _MARKUP.sub(" ", text)


def _is_english_pronoun(text: str, match: re.Match) -> bool:
    word = match.group()
    if word in _ABBREVIATIONS:
        return False
    if word.casefold() != "i":
        return True
    if word == "i":  # the pronoun is written "I"; "i" is a numeral ("(i)") or "i.e."
        return False
    before, after = text[:match.start()], text[match.end():]
    if before.rstrip(" ").endswith("(") or after.lstrip(" ").startswith(")"):
        return False  # (I), I)
    if re.match(r"\s*[-–—,/]\s*[IVXLCDM]+\b", after) or re.search(r"[IVXLCDM]+\s*[-–—,/]\s*$",
                                                                 before):
        return False  # I–III, I, II and III
    previous = re.search(r"([^\W\d_]+)[^\w\n]*$", before)
    if previous is None:
        # First on its line: "I. Introduction" is a heading's numeral, "I have" a pronoun.
        return not re.match(r"[.)]", after)
    separators = before[previous.end(1):]
    if re.search(r"[.!?:;]", separators):
        return True  # a new sentence starts with "I"
    noun = previous.group(1)
    if noun.casefold() in _NUMBERED_NOUNS:
        return False
    if noun[0].isupper():
        # "Annex I", "War I": a capitalised word before it, unless that word starts the
        # sentence ("Yesterday I …").
        start = before[:previous.start(1)].rstrip()
        return start == "" or start[-1] in ".!?\n"
    return True


def first_person_words(text: str, lang: str) -> list[str]:
    """First-person words (a note speaks of "the Secretariat", never "we"); Roman numerals
    ("Annex I", "(i)") and markup are not words."""
    text = _without_markup(text)
    wanted = FIRST_PERSON.get(lang, set())
    found = set()
    for match in _WORD.finditer(text):
        folded = match.group().casefold()
        if folded not in wanted:
            continue
        if lang == "en" and not _is_english_pronoun(text, match):
            continue
        found.add(folded)
    return sorted(found)
