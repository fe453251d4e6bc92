"""Kazakh stems by known endings, so that «комитеті», «комитетінің» and «комитетіне» are
one word to the termbase.

Kazakh is agglutinative: after the stem come, in this order, the plural, the possessive and
the case ending, each in the variant that vowel harmony (back а/ы, front е/і) and the last
sound of the stem (vowel, voiced or sonorant consonant, voiceless consonant) choose. A word
is read from its end: its case ending, then its possessive, then its plural may be taken
off (every ending that fits at each step gives a reading), so long as a stem of two letters with a
vowel is left. Both the term and the text are stemmed alike, so a stem that is not the
dictionary form (лауазымды → лауазым) still matches.

Left out on purpose: the one-letter dative -а/-е and the first and second person singular
possessives -м/-ң, which would cut the last letter of many stems (тұлға, мәселе); the
accusative -н and the dative -на/-не are taken only after a third-person possessive, the only
place they occur. A stem that ends in б, г or ғ before a vowel ending returns to п, к, қ
(топ → тобы, хатшылық → хатшылығы).
"""

_VOWELS = set("аәеиоөуұүыіэюяё")

# Case endings (септік жалғаулары), with their harmony and consonant variants.
CASE_ENDINGS = (
    # attributive locative ("… -дағы"): Азиядағы, наурыздағы
    "ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі",
    # genitive (ілік): -ның/-нің/-дың/-дің/-тың/-тің
    "ның", "нің", "дың", "дің", "тың", "тің",
    # ablative (шығыс): -нан/-нен/-дан/-ден/-тан/-тен
    "нан", "нен", "дан", "ден", "тан", "тен",
    # instrumental (көмектес): -мен/-бен/-пен
    "мен", "бен", "пен",
    # locative (жатыс): -нда/-нде after a possessive, -да/-де/-та/-те
    "нда", "нде", "да", "де", "та", "те",
    # dative (барыс): -ға/-ге/-қа/-ке
    "ға", "ге", "қа", "ке",
    # accusative (табыс): -ны/-ні/-ды/-ді/-ты/-ті
    "ны", "ні", "ды", "ді", "ты", "ті",
)
# After a third-person possessive (-ы/-і/-сы/-сі) the dative is -на/-не and the accusative -н:
# Кеңесіне, тұжырымдамасын. Only taken off when such a possessive is left in front.
AFTER_POSSESSIVE_CASE_ENDINGS = ("на", "не", "н")

# Possessive endings (тәуелдік жалғаулары): 1st person plural, polite 2nd person, 3rd person.
POSSESSIVE_ENDINGS = (
    "ымыз", "іміз", "мыз", "міз",
    "ыңыз", "іңіз", "ңыз", "ңіз",
    "сы", "сі", "ы", "і",
)
# Plural (көптік жалғауы): -лар/-лер after vowels and р, у, й; -дар/-дер after voiced
# consonants; -тар/-тер after voiceless ones.
PLURAL_ENDINGS = ("лар", "лер", "дар", "дер", "тар", "тер")

_SOFTENED = {"б": "п", "г": "к", "ғ": "қ"}


def _stem_ok(stem: str) -> bool:
    return len(stem) >= 2 and any(char in _VOWELS for char in stem)


def _without(words: set[str], endings, *, after_possessive=False) -> set[str]:
    """Each of `words`, and each with one of `endings` taken off."""
    out = set(words)
    for word in words:
        for ending in endings:
            rest = word[: -len(ending)]
            if not word.endswith(ending) or not _stem_ok(rest):
                continue
            if after_possessive and not (rest[-1:] in ("ы", "і") and _stem_ok(rest[:-1])):
                continue
            out.add(rest)
    return out


def _harden(stem: str) -> str:
    return stem[:-1] + _SOFTENED[stem[-1]] if stem[-1:] in _SOFTENED else stem


def stems(word: str) -> frozenset[str]:
    """Every stem `word` may have: an ending such as -ті is a case ending (accusative) in one
    word and a possessive after т in another (комитеті), so each reading is kept, and two
    words match when they share a stem."""
    word = word.lower()
    found = _without({word}, CASE_ENDINGS)
    found |= _without({word}, AFTER_POSSESSIVE_CASE_ENDINGS, after_possessive=True)
    found = _without(found, POSSESSIVE_ENDINGS)
    found = _without(found, PLURAL_ENDINGS)
    return frozenset({word} | {_harden(stem) for stem in found if stem != word})
