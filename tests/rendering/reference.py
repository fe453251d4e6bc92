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


# A signed letter of the Secretary General in EN/RU/KK (a reply accepting an invitation: a
# new text in the genre), set as letters/printing.py sets one: its typesetting is measured
# with the note's and the concept paper's.
LETTER_NUMBER = "CICA/SG/41"
LETTER_TEXTS = {
    "en": {
        "place_date": "Astana, 2 April 2024",
        "addressee": ["H.E. Mr. Bakhtiyor Saidov", "Minister of Foreign Affairs",
                      "of the Republic of Uzbekistan", "Tashkent"],
        "salutation": "Excellency,",
        "body": (
            "I have the honour to acknowledge with gratitude your letter No. 34/2-1187 of "
            "14 March 2024 inviting the Secretariat of the Conference on Interaction and "
            "Confidence Building Measures in Asia to take part in the International "
            'Conference "Asia in a Changing World: Security through Cooperation", to be held '
            "in Tashkent on 28 and 29 May 2024.\n\n"
            "It is my pleasure to confirm that I will attend the Conference in person, "
            "accompanied by the Deputy Executive Directors of the Secretariat. We highly "
            "appreciate the initiative of the Republic of Uzbekistan to bring together the "
            "Member States, observers and partner organisations of CICA for a frank and "
            "substantive exchange of views on the challenges to security and development in "
            "our continent.\n\n"
            "The Secretariat is ready to contribute to the programme of the Conference - in "
            "particular to the session on new challenges and threats - and to share the "
            "experience gathered in implementing the CICA Catalogue of Confidence Building "
            "Measures. My colleagues will contact the organising committee shortly to agree "
            "on the practical arrangements of the visit.\n\n"
            "I wish you and the organisers every success in the preparation of the "
            "Conference."
        ),
        "close": "Please accept, Excellency, the assurances of my highest consideration.",
        "signatory": ("Kairat Sarybay", "Secretary General"),
    },
    "ru": {
        "place_date": "г. Астана, 2 апреля 2024 года",
        "addressee": ["Его Превосходительству", "господину Б.Саидову",
                      "Министру иностранных дел", "Республики Узбекистан", "г. Ташкент"],
        "salutation": "Ваше Превосходительство,",
        "body": (
            "Имею честь с признательностью подтвердить получение Вашего письма № 34/2-1187 "
            "от 14 марта 2024 года с приглашением Секретариата Совещания по взаимодействию и "
            "мерам доверия в Азии принять участие в Международной конференции \"Азия в "
            "меняющемся мире: безопасность через сотрудничество\", которая состоится в "
            "г. Ташкенте 28 и 29 мая 2024 года.\n\n"
            "С удовольствием подтверждаю, что приму участие в Конференции лично в "
            "сопровождении заместителей исполнительного директора Секретариата. Мы высоко "
            "ценим инициативу Республики Узбекистан собрать государства-члены, наблюдателей "
            "и организации-партнеры СВМДА для откровенного и содержательного обмена мнениями "
            "о вызовах безопасности и развитию на нашем континенте.\n\n"
            "Секретариат готов внести вклад в программу Конференции - в частности, в работу "
            "сессии, посвященной новым вызовам и угрозам, - и поделиться опытом, накопленным "
            "при реализации Каталога мер доверия СВМДА. В ближайшее время мои коллеги "
            "свяжутся с организационным комитетом, чтобы согласовать практические вопросы "
            "визита.\n\n"
            "Желаю Вам и организаторам успехов в подготовке Конференции."
        ),
        "close": "Примите, Ваше Превосходительство, уверения в моем весьма высоком уважении.",
        "signatory": ("Кайрат Сарыбай", "Генеральный секретарь"),
    },
    "kk": {
        "place_date": "Астана қаласы, 2024 жылғы 2 сәуір",
        "addressee": ["Өзбекстан Республикасының", "Сыртқы істер министрі",
                      "Ұлы мәртебелі Б.Саидов мырзаға", "Ташкент қаласы"],
        "salutation": "Ұлы мәртебелі мырза!",
        "body": (
            "Азиядағы өзара іс-қимыл және сенім шаралары кеңесі Хатшылығын 2024 жылғы "
            "28-29 мамырда Ташкент қаласында өтетін \"Өзгермелі әлемдегі Азия: "
            "ынтымақтастық арқылы қауіпсіздік\" атты Халықаралық конференцияға қатысуға "
            "шақырған Сіздің 2024 жылғы 14 наурыздағы № 34/2-1187 хатыңызды алғанымызды "
            "ризашылықпен растауды өзіме мәртебе санаймын.\n\n"
            "Конференцияға Хатшылықтың атқарушы директорының орынбасарларымен бірге жеке "
            "өзім қатысатынымды қуана растаймын. Біз Өзбекстан Республикасының Азия "
            "Кеңесіне мүше мемлекеттерді, байқаушыларды және серіктес ұйымдарды біздің "
            "құрлығымыздағы қауіпсіздік пен дамуға төнген сын-қатерлер туралы ашық әрі "
            "мазмұнды пікір алмасу үшін бір жерге жинау бастамасын жоғары бағалаймыз.\n\n"
            "Хатшылық Конференция бағдарламасына - әсіресе жаңа сын-қатерлер мен "
            "қауіптерге арналған сессияның жұмысына - үлес қосуға және Азия Кеңесінің "
            "Сенім шаралары каталогын іске асыру барысында жинақталған тәжірибемен бөлісуге "
            "дайын. Жақын арада әріптестерім сапардың практикалық мәселелерін келісу үшін "
            "ұйымдастыру комитетімен байланысады.\n\n"
            "Сізге және ұйымдастырушыларға Конференцияны дайындауда табыс тілеймін."
        ),
        "close": "Ұлы мәртебелі мырза, Сізге деген аса жоғары құрметімді қабыл алуыңызды "
                 "сұраймын.",
        "signatory": ("Қайрат Сарыбай", "Бас хатшы"),
    },
}


def letter_parts(languages=("en", "ru", "kk")) -> list[Part]:
    """The reference letter's print parts, laid out by letters/printing.py."""
    from django.utils.safestring import mark_safe

    from cica_docs.rendering.markup import plain_html
    from letters.printing import LetterCopy, letter_html

    found = []
    for lang in languages:
        text = LETTER_TEXTS[lang]
        name, title = text["signatory"]
        copy = LetterCopy(
            language=lang, letterhead_lines=LETTERHEAD_KK if lang == "kk" else LETTERHEAD,
            number=plain_html(LETTER_NUMBER), place_date=plain_html(text["place_date"]),
            addressee_block=[plain_html(line) for line in text["addressee"]],
            salutation=plain_html(text["salutation"]),
            body_html=mark_safe(render_markdown(text["body"])),  # noqa: S308
            close=plain_html(text["close"]),
            signatory_name=plain_html(name), signatory_title=plain_html(title),
            enclosure_lines=[], is_draft=False)
        found.append(Part(f"{LETTER_NUMBER} ({lang.upper()})",
                          letter_html(copy, title=LETTER_NUMBER)))
    return found
