"""Note NCT/CT/274 in EN/RU/KK as in the reference package (seed 000_5190afcc10c6634b),
with its known mistakes corrected: Latin letters in the number, the Russian letterhead
spelled right, and the enclosure line present in every copy."""

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

from cica_docs.rendering.markup import render_markdown
from cica_docs.rendering.pdf import Part
from concepts.printing import print_parts
from notes.layout import NoteCopy

ASTANA = timezone(timedelta(hours=5))
ISSUED = datetime(2024, 3, 6, 10, 0, tzinfo=ASTANA)
SYMBOL = "NCT/CT/274"

LETTERHEAD = [
    "SECRETARIAT OF THE CONFERENCE ON INTERACTION AND CONFIDENCE BUILDING MEASURES IN ASIA",
    "СЕКРЕТАРИАТ СОВЕЩАНИЯ ПО ВЗАИМОДЕЙСТВИЮ И МЕРАМ ДОВЕРИЯ В АЗИИ",
]
LETTERHEAD_KK = [
    *LETTERHEAD,
    "АЗИЯДАҒЫ ӨЗАРА ІС-ҚИМЫЛ ЖӘНЕ СЕНІМ ШАРАЛАРЫ КЕҢЕСІНІҢ ХАТШЫЛЫҒЫ",
]

TEXTS = {
    "en": {
        "opening": (
            "The Secretariat of the Conference on Interaction and Confidence Building "
            "Measures in Asia (CICA) presents its compliments to the CICA Member States and "
            "has the honour to submit the Concept Paper on the Establishment of Relations "
            "between the Secretariat of the Conference on Interaction and Confidence "
            "Building Measures in Asia and the United Nations Office of Counter-Terrorism "
            "for consideration of the Member States."
        ),
        "body": (
            "The issue of establishing relations between the Secretariat of the Conference "
            "on Interaction and Confidence Building Measures in Asia and the United Nations "
            "Office of Counter-Terrorism is tentatively scheduled for consideration at the "
            "upcoming meetings of the CICA Special Working Group on 12 March and the CICA "
            "Senior Officials Committee on 14 March 2024."
        ),
        "closing": (
            "The CICA Secretariat avails itself of this opportunity to renew to the CICA "
            "Member States the assurances of its highest consideration."
        ),
        "enclosure": "Enclosure: as stated, on 10 p.",
        "place_date": "Astana, 6 March 2024",
        "addressee": [
            "MEMBER STATES",
            "OF THE CONFERENCE ON INTERACTION",
            "AND CONFIDENCE BUILDING MEASURES",
            "IN ASIA",
        ],
    },
    "ru": {
        "opening": (
            "Секретариат Совещания по взаимодействию и мерам доверия в Азии (СВМДА) "
            "свидетельствует свое уважение государствам-членам СВМДА и имеет честь направить "
            "на рассмотрение государств-членов Концепцию установления отношений между "
            "Секретариатом Совещания по взаимодействию и мерам доверия в Азии и "
            "Контртеррористическим управлением Организации Объединенных Наций."
        ),
        "body": (
            "Вопрос установления отношений между Секретариатом Совещания по взаимодействию и "
            "мерам доверия в Азии и Контртеррористическим управлением Организации "
            "Объединенных Наций предварительно планируется к рассмотрению на предстоящих "
            "заседаниях Специальной рабочей группы 12 марта и Комитета старших должностных "
            "лиц СВМДА 14 марта 2024 года."
        ),
        "closing": (
            "Секретариат СВМДА пользуется случаем, чтобы возобновить государствам-членам "
            "СВМДА уверения в своем весьма высоком уважении."
        ),
        "enclosure": "Приложение: упомянутое, на 10 л.",
        "place_date": "город Астана, 6 марта 2024 года",
        "addressee": [
            "ГОСУДАРСТВА-ЧЛЕНЫ",
            "СОВЕЩАНИЯ ПО ВЗАИМОДЕЙСТВИЮ",
            "И МЕРАМ ДОВЕРИЯ В АЗИИ",
        ],
    },
    "kk": {
        "opening": (
            "Азиядағы өзара іс-қимыл және сенім шаралары кеңесінің (Азия Кеңесінің) "
            "Хатшылығы Азия Кеңесіне мүше мемлекеттерге өзінің зор ілтипатын білдіреді және "
            "мүше мемлекеттердің қарапайым Азиядағы өзара іс-қимыл және сенім шаралары "
            "кеңесінің Хатшылығы мен Біріккен Ұлттар Ұйымының Терроризмге қарсы басқармасы "
            "арасындағы қатынастарды орнату тұжырымдамасын жолдауды өзіне мәртебе санайды."
        ),
        "body": (
            "Азиядағы өзара іс-қимыл және сенім шаралары кеңесінің Хатшылығы мен Біріккен "
            "Ұлттар Ұйымының Терроризмге қарсы басқармасы арасында қатынастарды орнату "
            "мәселесін 2024 жылғы 12 наурызда өтетін Азия Кеңесі Арнаулы жұмыс тобының және "
            "14 наурызда өтетін Азия Кеңесі Аға лауазымды тұлғалар комитетінің алдағы "
            "отырыстарында қарапайым алдын ала жоспарланып отыр."
        ),
        "closing": (
            "Азия Кеңесінің Хатшылығы осы мүмкіндікті пайдалана отырып, Азия Кеңесіне мүше "
            "мемлекеттерге өзінің зор ілтипатын тағы да растайды."
        ),
        "enclosure": "Қосымша: аталған, 10 парақта.",
        "place_date": "Астана қаласы, 2024 жылғы 6 наурыз",
        "addressee": [
            "АЗИЯДАҒЫ ӨЗАРА ІС-ҚИМЫЛ ЖӘНЕ",
            "СЕНІМ ШАРАЛАРЫ КЕҢЕСІНЕ",
            "МҮШЕ МЕМЛЕКЕТТЕР",
        ],
    },
}


def note_copy(language: str, *, body: str | None = None, **changes) -> NoteCopy:
    text = TEXTS[language]
    fields = {
        "language": language,
        "letterhead_lines": LETTERHEAD_KK if language == "kk" else LETTERHEAD,
        "symbol": SYMBOL,
        "opening": text["opening"],
        "body_html": render_markdown(text["body"] if body is None else body),
        "closing": text["closing"],
        "enclosure_lines": [text["enclosure"]],
        "place_date": text["place_date"],
        "addressee_block": text["addressee"],
    }
    fields.update(changes)
    return NoteCopy(**fields)


def reference_copies(**changes) -> list[NoteCopy]:
    return [note_copy(language, **changes) for language in ("en", "ru", "kk")]


# The concept paper of the reference package, EN and RU (it has no Kazakh copy).
CONCEPT_TEXTS = Path(__file__).resolve().parent / "reference_texts"
CONCEPT_TITLE = {
    "en": "on the Establishment of Relations between the Secretariat of the Conference on "
          "Interaction and Confidence Building Measures in Asia and the United Nations Office "
          "of Counter-Terrorism",
    "ru": "установления отношений между Секретариатом Совещания по взаимодействию и мерам "
          "доверия в Азии и Контртеррористическим управлением Организации Объединенных Наций",
}
CONCEPT_AUTHOR = {"en": "CICA Secretariat", "ru": "Секретариат СВМДА"}


def concept_parts(languages=("en", "ru")) -> list[Part]:
    """The reference concept paper's print parts, built as the concepts app builds them."""
    paper = SimpleNamespace(
        languages=list(languages), paper_date=date(2024, 3, 1), state="issued",
        **{f"title_{lang}": CONCEPT_TITLE[lang] for lang in languages},
        **{f"author_{lang}": CONCEPT_AUTHOR[lang] for lang in languages},
        **{f"body_{lang}": (CONCEPT_TEXTS / f"concept_{lang}.md").read_text(encoding="utf-8")
           for lang in languages},
    )
    return print_parts(paper)
