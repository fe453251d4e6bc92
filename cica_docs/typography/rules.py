"""The typesetting rules of each language, as data (FORMAT_RULES.md, "Typesetting").

Words are matched case-insensitively; a rule binds what stands together with a no-break
space (or a word joiner where there is no space), in print only.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rules:
    language: str
    # Quotes: outer pair, inner pair (for a quote inside a quote).
    quotes: tuple[str, str, str, str]
    # What a spaced hyphen ("a - b", "a -- b") prints as.
    dash: str
    # Every form a month takes after a day number or before a year.
    months: tuple[str, ...]
    # A month name that may carry a case ending after a day (Kazakh: наурызда, наурыздағы).
    month_endings: bool = False
    # Words after a four-digit year that belong to it («2024 года», «2024 жылғы»).
    year_words: tuple[str, ...] = ()
    # Year words that also bind to the word after them («2024 жылғы 6 наурыз»).
    year_attributes: tuple[str, ...] = ()
    # Units and counted words that stay with their number («10 л.», "10 p.").
    units: tuple[str, ...] = ()
    # Words that never end a line: they stay with the next word (prepositions,
    # conjunctions; one-letter words in every language, see `typeset`).
    before_next: frozenset[str] = frozenset()
    # …in the letterhead and the addressee block only (English articles and "of").
    before_next_in_heads: frozenset[str] = frozenset()
    # Words that never start a line: they stay with the word before (particles).
    after_previous: frozenset[str] = frozenset()
    # Abbreviations that stay with what follows («г. Астана», "No. 16", "Mr. Voronkov").
    before_name: tuple[str, ...] = field(default=("№",))


RUSSIAN = Rules(
    language="ru",
    quotes=("«", "»", "„", "“"),
    dash="—",
    months=(
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
        "сентября", "октября", "ноября", "декабря",
        "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
        "сентябрь", "октябрь", "ноябрь", "декабрь",
        "январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
        "сентябре", "октябре", "ноябре", "декабре",
    ),
    year_words=("года", "году", "год", "годы", "годов", "годах", "г.", "гг."),
    units=("л.", "с.", "стр.", "экз.", "%", "км", "кг", "млн", "млрд", "тыс.", "долл.",
           "руб.", "тенге"),
    # The one- and two-letter prepositions, conjunctions and negations (longer ones stay
    # free: each binding takes a break away from a justified line).
    before_next=frozenset({
        "а", "в", "во", "и", "к", "ко", "о", "об", "с", "со", "у", "но", "да", "не", "ни",
        "по", "на", "от", "до", "за", "из",
    }),
    after_previous=frozenset({"бы", "б", "ли", "ль", "же", "ж"}),
    before_name=("№", "г.", "гг.", "ул.", "им.", "т.", "см."),
)

KAZAKH = Rules(
    language="kk",
    quotes=("«", "»", "„", "“"),
    dash="—",
    months=("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
            "қыркүйек", "қазан", "қараша", "желтоқсан"),
    month_endings=True,
    year_words=("жылғы", "жылы", "жылдың", "жылдан", "жылға", "жылдар", "жылдары", "ж."),
    year_attributes=("жылғы",),
    units=("парақта", "парақ", "бет", "бетте", "дана", "%", "км", "кг", "млн", "млрд",
           "мың", "теңге"),
    before_next=frozenset({"мен", "бен", "пен", "және", "әрі", "не", "я", "ал"}),
    after_previous=frozenset({"да", "де", "та", "те", "ма", "ме", "ба", "бе", "па", "пе"}),
    before_name=("№", "ж.", "т.б."),
)

ENGLISH = Rules(
    language="en",
    quotes=("“", "”", "‘", "’"),
    dash="–",
    months=("January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"),
    units=("p.", "pp.", "%", "km", "kg", "million", "billion", "per cent"),
    before_next_in_heads=frozenset({"a", "an", "the", "of", "and", "in", "on", "for", "to",
                                    "at", "by"}),
    before_name=("№", "No.", "Nos.", "Mr.", "Mrs.", "Ms.", "Dr.", "H.E."),
)

RULES = {rules.language: rules for rules in (ENGLISH, RUSSIAN, KAZAKH)}


def rules_for(language: str) -> Rules:
    """A language's rules; a language without its own gets the English ones."""
    return RULES.get(language, ENGLISH)
