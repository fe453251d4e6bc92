"""The typesetting of a run of text (one paragraph, heading or line), as edits.

Every rule looks at the text as typed and says what single characters print differently:
a space becomes a no-break space, a straight quote a typographic one, a spaced hyphen a
dash, a slash inside a symbol gains a word joiner after it. Edits never move text around,
so they can be applied to the text nodes of an HTML block whose tags split the text
anywhere (`cica_docs.typography.html`). Besides edits, a text says which of its words
hyphenation must leave whole (words in capitals, a month in a date).
"""

import re
from dataclasses import dataclass, field
from functools import cache

from .rules import Rules

NBSP = "\u00a0"
WORD_JOINER = "\u2060"  # no break here, no width, nothing printed or extracted
NB_HYPHEN = "\u2011"
SHORTEST = 5  # the shortest word hyphenated: hyphenate-limit-chars in static/css/pdf.css

# A run of spaces between two words; an HTML paragraph's soft line breaks are spaces too.
SPACE = r"[ \t\n\u00a0]+"
SPACE_1 = r"[ \t\n\u00a0]"  # one, for a look-behind (fixed width)
LETTER = r"[^\W\d_]"
# Initials are capitals whatever the case of the rest of a pattern.
UPPER = r"(?-i:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])"
CAPITALISED = r"(?-i:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+)"
NOT_IN_WORD = r"(?<![\w\-‑.’'])"  # the word starts here (not inside a word, number, symbol)
WORD_ENDS = r"(?![\w\-‑])"
DASHES = "—–"
OPENING_CONTEXT = set(" \t\n\u00a0([{«„“‘/" + DASHES + "-")
CLOSING_CONTEXT = set(".,;:!?…)]}»”’%")


@dataclass
class Typeset:
    edits: dict[int, str] = field(default_factory=dict)
    whole: list[tuple[int, int]] = field(default_factory=list)  # [start, end) not hyphenated


def _words(words) -> str:
    """An alternation that matches any of `words`, longest first (as typed: "г." has its
    dot in the pattern)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _bind(edits: dict[int, str], start: int, end: int) -> None:
    """The spaces in text[start:end] print as one no-break space."""
    edits[start] = NBSP
    for position in range(start + 1, end):
        edits[position] = ""


@cache
def _patterns(rules: Rules, heads: bool) -> list[re.Pattern]:
    """The rules' patterns: each has named groups `s`, `s2` for the spaces it binds, and
    `whole` for a word it keeps from hyphenation (a month in a date)."""
    month = rf"(?:{_words(rules.months)})" + (f"{LETTER}*" if rules.month_endings else "")
    found = [
        # A day and its month, a month and its day ("6 марта", "March 12"); the month
        # is not hyphenated either.
        rf"(?<![\d.,])\d{{1,2}}(?P<s>{SPACE})(?P<whole>{month}){WORD_ENDS}",
        rf"{NOT_IN_WORD}(?P<whole>{month})(?P<s>{SPACE})\d{{1,2}}(?!\d)(?![.,]\d)",
        # A month and its year where they stand together as the date ("в октябре 2021
        # года", "March 2007"); after a day, the line may break before the year
        # ("14 марта / 2024 года", as FORMAT_RULES.md lists the bindings).
        rf"(?<!\d{SPACE_1}){NOT_IN_WORD}(?P<whole>{month})(?P<s>{SPACE})\d{{4}}(?!\d)",
        # № and its number; an abbreviation and the name it introduces.
        rf"(?<![\w.])(?:{_words(rules.before_name)})(?P<s>{SPACE})(?=\S)",
        # Initials and the surname ("В. В. Воронков", "K. Sarybay"), surname and initials.
        rf"(?<![\w.]){UPPER}\.(?:(?P<s2>{SPACE})?{UPPER}\.)?(?P<s>{SPACE})(?={CAPITALISED})",
        rf"{CAPITALISED}(?P<s>{SPACE}){UPPER}\.(?:{UPPER}\.)?(?!{LETTER})"
        rf"(?!{SPACE}?{CAPITALISED})",  # not "Ambassador K. Sarybay"
        # A number and its unit or counted word.
        rf"\d(?P<s>{SPACE})(?:{_words(rules.units)})(?!{LETTER})" if rules.units else None,
        # A dash and the word before it.
        rf"[^\s](?P<s>{SPACE})[{DASHES}](?=\s)",
    ]
    if rules.year_words:
        found.append(rf"(?<!\d)\d{{4}}(?P<s>{SPACE})(?:{_words(rules.year_words)})(?!{LETTER})")
    if rules.year_attributes:  # …and a month right after it stays whole ("жылғы наурыз")
        found.append(rf"{NOT_IN_WORD}(?:{_words(rules.year_attributes)})(?P<s>{SPACE})(?=\S)"
                     rf"(?:(?P<whole>{month}){WORD_ENDS})?")
    sticky = rules.before_next | (rules.before_next_in_heads if heads else frozenset())
    # One-letter words in every language, and the language's short words, stay with the
    # next word; particles stay with the word before.
    found.append(rf"{NOT_IN_WORD}(?:{LETTER}|{_words(sticky)}){WORD_ENDS}(?P<s>{SPACE})(?=\S)"
                 if sticky else rf"{NOT_IN_WORD}{LETTER}{WORD_ENDS}(?P<s>{SPACE})(?=\S)")
    if rules.after_previous:
        found.append(rf"[\w»”)](?P<s>{SPACE})(?:{_words(rules.after_previous)}){WORD_ENDS}")
    return [re.compile(p, re.IGNORECASE) for p in found if p]


# A slash between letters or digits is inside a symbol: NCT/CT/274, 60/288, UNOCT/UNCCT.
_SYMBOL_SLASH = re.compile(r"(?<=\w)/(?=\w)")
# A hyphen after a number and before a short ending: «1-го», «90-х», «2-й».
_NUMBER_ENDING = re.compile(rf"(?<=\d)-(?={LETTER}{{1,3}}{WORD_ENDS})")
# Words in capitals are abbreviations (UNGCTS, ЭСКАТО) or names printed in capitals:
# never hyphenated. Shorter words are not hyphenated anyway (hyphenate-limit-chars).
_CAPITALS = re.compile(r"(?<![^\W\d_])(?-i:[A-ZÀ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ]){5,}(?![^\W\d_])")
_QUOTE_MARKS = re.compile("[\"'«»„“”]")
_SPACED_HYPHEN = re.compile(rf"(?<=\S)(?P<s>{SPACE})(?P<dash>--?-?)(?={SPACE_1})")


def non_breaking(text: str, rules: Rules, *, heads: bool = False) -> Typeset:
    found = Typeset()
    for pattern in _patterns(rules, heads):
        # Overlapping matches matter ("и в марте"): search again from every bound space.
        position = 0
        while match := pattern.search(text, position):
            groups = match.groupdict()
            for name in ("s", "s2"):
                if groups.get(name) is not None:
                    _bind(found.edits, *match.span(name))
            if groups.get("whole") is not None:
                found.whole.append(match.span("whole"))
            position = match.start("s") + 1
    for match in _SYMBOL_SLASH.finditer(text):
        found.edits[match.start()] = "/" + WORD_JOINER
    for match in _NUMBER_ENDING.finditer(text):
        found.edits[match.start()] = NB_HYPHEN
    found.whole += [match.span() for match in _CAPITALS.finditer(text)]
    return found


def dashes(text: str, rules: Rules) -> dict[int, str]:
    """A hyphen (or two, or three) with spaces around it prints as the language's dash,
    held to the word before it by a no-break space."""
    edits: dict[int, str] = {}
    for match in _SPACED_HYPHEN.finditer(text):
        _bind(edits, *match.span("s"))
        start, end = match.span("dash")
        edits[start] = rules.dash
        for position in range(start + 1, end):
            edits[position] = ""
    return edits


def quotes(text: str, rules: Rules) -> dict[int, str]:
    """Straight quotes as the language prints them. A quote opens after a space, a bracket
    or any sign but closing punctuation, and closes after a letter, a digit or closing
    punctuation; a quote inside a quote gets the inner pair, and typed «ёлочки» count for
    the nesting. An apostrophe prints as ’ (CICA’s, States’)."""
    outer_open, outer_close, inner_open, inner_close = rules.quotes
    # Typed typographic double quotes of the language (and «» in any) count for nesting.
    typed_open, typed_close = {"«", outer_open, inner_open}, {"»", outer_close, inner_close}
    typed_open -= {"‘"}
    typed_close -= {"’"}
    edits: dict[int, str] = {}
    depth = 0
    for match in _QUOTE_MARKS.finditer(text):
        index, char = match.start(), match.group()
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char in typed_open:
            depth += 1
        elif char in typed_close:
            depth = max(depth - 1, 0)
        elif char == '"':
            opens = before in OPENING_CONTEXT or (
                not before.isalnum() and before not in CLOSING_CONTEXT and not after.isspace())
            if opens and after.isspace():
                continue  # a quote alone between spaces: leave it as typed
            if opens:
                edits[index] = outer_open if depth % 2 == 0 else inner_open
                depth += 1
            else:
                depth = max(depth - 1, 0)
                edits[index] = outer_close if depth % 2 == 0 else inner_close
        elif char == "'":
            if before.isalnum() and (after.isalpha() or not after.isalnum()):
                edits[index] = "’"  # CICA’s, States’, Кот-д’Ивуар
            elif inner_open == "‘" and before in OPENING_CONTEXT and after.isalnum():
                edits[index] = "’" if after.isdigit() else "‘"  # ’90s; ‘a quote’
    return edits


def typeset_text(text: str, rules: Rules, *, heads: bool = False) -> Typeset:
    """All edits for `text` (what each changed character prints as, "" for nothing) and
    the words to keep whole."""
    found = non_breaking(text, rules, heads=heads)
    edits = quotes(text, rules)
    edits.update(dashes(text, rules))
    for position, value in found.edits.items():
        edits.setdefault(position, value)  # a bound space stays bound
    # Words shorter than hyphenate-limit-chars (pdf.css) are never hyphenated anyway.
    whole = sorted({(start, end) for start, end in found.whole if end - start >= SHORTEST})
    return Typeset(edits, whole)
