"""Demo notes verbales in the Secretariat's register (new texts, not the reference's)."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from cica_docs.accounts.demo_records import DemoSkipped, demo_object, demo_remember
from cica_docs.documents import services
from cica_docs.documents.issue_dates import DEMO_BACKDATING
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.models import Document, Series
from cica_docs.documents.uploads import enclosed_file_create
from cica_docs.letterhead.models import Addressee
from cica_docs.rendering.pdf import render_pdf
from cica_docs.workbench import demo as signoff

from .models import Note

# The demo note that encloses the concept papers' demo paper (by its demo record key; left
# out without it), issued after the others so the register reads in order.
ESCAP_NOTE = {
    "key": "note:escap-2026",
    "state": "issued",
    "issued_on": datetime.date(2026, 11, 27),
    "encloses": "concept:escap-2026",
    "title": {
        "en": "Concept Paper on cooperation with ESCAP in disaster risk reduction",
        "ru": "Концепция сотрудничества с ЭСКАТО в области снижения риска бедствий",
        "kk": "Апат қаупін азайту саласында ЭСКАТО-мен ынтымақтастық тұжырымдамасы",
    },
    "opening": {
        "en": "submit the Concept Paper on Cooperation between the Secretariat of the "
              "Conference on Interaction and Confidence Building Measures in Asia and the "
              "United Nations Economic and Social Commission for Asia and the Pacific in the "
              "Field of Disaster Risk Reduction for consideration of the Member States.",
        "ru": "направить на рассмотрение государств-членов Концепцию сотрудничества между "
              "Секретариатом Совещания по взаимодействию и мерам доверия в Азии и "
              "Экономической и социальной комиссией Организации Объединенных Наций для Азии "
              "и Тихого океана в области снижения риска бедствий.",
        "kk": "мүше мемлекеттердің қарауына Азиядағы өзара іс-қимыл және сенім шаралары "
              "кеңесінің Хатшылығы мен Біріккен Ұлттар Ұйымының Азия және Тынық мұхиты "
              "үшін экономикалық және әлеуметтік комиссиясы арасындағы апат қаупін азайту "
              "саласындағы ынтымақтастық тұжырымдамасын жолдауды",
    },
    "body": {
        "en": "The issue is tentatively scheduled for consideration at the meeting of the "
              "CICA Special Working Group on 2 February 2027.",
        "ru": "Данный вопрос предварительно планируется к рассмотрению на заседании "
              "Специальной рабочей группы СВМДА 2 февраля 2027 года.",
        "kk": "Бұл мәселені 2027 жылғы 2 ақпанда өтетін Азия Кеңесі Арнаулы жұмыс тобының "
              "отырысында қарау алдын ала жоспарланып отыр.",
    },
}

# A circular note that prints its subject under the number and cites the ESCAP note of the
# register (FORMAT_RULES.md, "References to other documents"): issued last, after the note
# it cites; left out without it.
SWG_NOTE = {
    "key": "note:swg-meeting-2027",
    "state": "issued",
    "issued_on": datetime.date(2026, 11, 30),
    "cites": "note:escap-2026",
    "print_subject": True,
    "title": {
        "en": "Meeting of the Special Working Group on 2 February 2027",
        "ru": "Заседание Специальной рабочей группы 2 февраля 2027 года",
        "kk": "Арнаулы жұмыс тобының 2027 жылғы 2 ақпандағы отырысы",
    },
    "opening": {
        "en": "inform that the meeting of the CICA Special Working Group at which the Concept "
              "Paper will be considered will be held in Astana on 2 February 2027.",
        "ru": "сообщить, что заседание Специальной рабочей группы СВМДА, на котором будет "
              "рассмотрена Концепция, состоится в городе Астане 2 февраля 2027 года.",
        "kk": "Азия Кеңесі Арнаулы жұмыс тобының Тұжырымдама қаралатын отырысы 2027 жылғы "
              "2 ақпанда Астана қаласында өтетінін хабарлауды",
    },
    "body": {
        "en": "The meeting will open at 10.00 Astana time in the conference hall of the "
              "Secretariat.\n\n"
              "The Secretariat would be grateful to the Member States for informing it of the "
              "composition of their delegations by 25 January 2027.",
        "ru": "Заседание откроется в 10.00 по времени Астаны в конференц-зале "
              "Секретариата.\n\n"
              "Секретариат будет признателен государствам-членам за информацию о составе их "
              "делегаций до 25 января 2027 года.",
        "kk": "Отырыс Астана уақытымен сағат 10.00-де Хатшылықтың конференц-залында "
              "ашылады.\n\n"
              "Хатшылық мүше мемлекеттерге өз делегацияларының құрамы туралы ақпаратты "
              "2027 жылғы 25 қаңтарға дейін ұсынғаны үшін алғысын білдіреді.",
    },
}

NOTES = [
    {
        "key": "note:senior-officials-2026",
        "state": "issued",
        "issued_on": datetime.date(2026, 11, 20),
        "title": {
            "en": "Meeting of the Senior Officials Committee, 18–19 June 2026",
            "ru": "Заседание Комитета старших должностных лиц 18–19 июня 2026 года",
            "kk": "Аға лауазымды тұлғалар комитетінің 2026 жылғы 18–19 маусымдағы отырысы",
        },
        "opening": {
            "en": "inform that the next meeting of the CICA Senior Officials Committee will be "
                  "held in Astana on 18 and 19 June 2026.",
            "ru": "сообщить, что очередное заседание Комитета старших должностных лиц СВМДА "
                  "состоится в городе Астане 18 и 19 июня 2026 года.",
            "kk": "Азия Кеңесі Аға лауазымды тұлғалар комитетінің кезекті отырысы 2026 жылғы "
                  "18 және 19 маусымда Астана қаласында өтетінін хабарлауды",
        },
        "body": {
            "en": "The provisional agenda and the draft programme of the meeting will be "
                  "circulated to the Member States no later than 1 June 2026.\n\n"
                  "The Secretariat would be grateful to the Member States for informing it of "
                  "the composition of their delegations by 10 June 2026.",
            "ru": "Предварительная повестка дня и проект программы заседания будут разосланы "
                  "государствам-членам не позднее 1 июня 2026 года.\n\n"
                  "Секретариат будет признателен государствам-членам за информацию о составе "
                  "их делегаций до 10 июня 2026 года.",
            "kk": "Отырыстың алдын ала күн тәртібі мен бағдарламасының жобасы мүше "
                  "мемлекеттерге 2026 жылғы 1 маусымнан кешіктірілмей таратылады.\n\n"
                  "Хатшылық мүше мемлекеттерге өз делегацияларының құрамы туралы ақпаратты "
                  "2026 жылғы 10 маусымға дейін ұсынғаны үшін алғысын білдіреді.",
        },
    },
    {
        "key": "note:annual-report-2026",
        "state": "approved",
        "title": {
            "en": "Contributions to the CICA Annual Report for 2026",
            "ru": "Материалы к Ежегодному докладу СВМДА за 2026 год",
            "kk": "Азия Кеңесінің 2026 жылға арналған жылдық баяндамасына материалдар",
        },
        "opening": {
            "en": "request the Member States to submit their contributions to the CICA "
                  "Annual Report for 2026.",
            "ru": "просить государства-члены представить свои материалы к Ежегодному докладу "
                  "СВМДА за 2026 год.",
            "kk": "мүше мемлекеттерден Азия Кеңесінің 2026 жылға арналған жылдық "
                  "баяндамасына өз материалдарын ұсынуды сұрауды",
        },
        "body": {
            "en": "Contributions in English or Russian, of no more than 3 pages, are kindly "
                  "requested by 15 December 2026.",
            "ru": "Материалы на английском или русском языке объемом не более 3 страниц "
                  "просьба направить до 15 декабря 2026 года.",
            "kk": "Ағылшын немесе орыс тіліндегі көлемі 3 беттен аспайтын материалдарды "
                  "2026 жылғы 15 желтоқсанға дейін жолдау сұралады.",
        },
        # Enclosed as an uploaded PDF file, as a form made outside the system would be.
        "file": {
            "title": "Format of contributions / Формат материалов",
            "name": "annual-report-format.pdf",
            "html": """<h1>Format of contributions to the CICA Annual Report for 2026</h1>
<ol><li>Length: no more than 3 pages of A4, font size 12.</li>
<li>Language: English or Russian.</li>
<li>Structure: (a) activities in the five dimensions of the CICA; (b) events hosted;
(c) proposals for 2027.</li>
<li>Deadline: 15 December 2026, to the Secretariat by e-mail.</li></ol>
<h1>Формат материалов к Ежегодному докладу СВМДА за 2026 год</h1>
<ol><li>Объем: не более 3 страниц формата A4, шрифт 12.</li>
<li>Язык: английский или русский.</li>
<li>Структура: а) деятельность по пяти измерениям СВМДА; б) проведенные мероприятия;
в) предложения на 2027 год.</li>
<li>Срок: до 15 декабря 2026 года, в Секретариат по электронной почте.</li></ol>""",
        },
    },
    {
        "key": "note:think-tank-2026",
        "state": "submitted",
        "title": {
            "en": "CICA Think Tank Forum, 9 October 2026",
            "ru": "Форум аналитических центров СВМДА 9 октября 2026 года",
            "kk": "Азия Кеңесі сараптамалық орталықтарының 2026 жылғы 9 қазандағы форумы",
        },
        "opening": {
            "en": "inform that the CICA Think Tank Forum will take place in Astana on "
                  "9 October 2026 under the theme “Confidence Building in Asia: New Dimensions”.",
            "ru": "сообщить, что Форум аналитических центров СВМДА состоится в городе Астане "
                  "9 октября 2026 года на тему «Меры доверия в Азии: новые измерения».",
            "kk": "Азия Кеңесі сараптамалық орталықтарының форумы 2026 жылғы 9 қазанда Астана "
                  "қаласында «Азиядағы сенім шаралары: жаңа өлшемдер» тақырыбында өтетінін "
                  "хабарлауды",
        },
        "body": {
            "en": "Each Member State is invited to nominate no more than 2 experts.",
            "ru": "Каждому государству-члену предлагается направить не более 2 экспертов.",
            "kk": "Әрбір мүше мемлекетке 2 сарапшыдан аспайтын өкіл жіберу ұсынылады.",
        },
    },
    {
        "key": "note:working-hours-2027",
        "state": "draft",
        "title": {
            "en": "Working hours of the Secretariat from 1 January 2027",
            "ru": "Режим работы Секретариата с 1 января 2027 года",
            "kk": "",
        },
        "opening": {
            "en": "inform that from 1 January 2027 the Secretariat will work from Monday to "
                  "Friday, 9.00 to 18.00 Astana time.",
            "ru": "сообщить, что с 1 января 2027 года Секретариат будет работать с "
                  "понедельника по пятницу с 9.00 до 18.00 по времени Астаны.",
            "kk": "",
        },
        "body": {"en": "", "ru": "", "kk": ""},
    },
]


def demo_series() -> Series:
    """The demo's register NCT/CT. A series the demo did not create is a real register: its
    numbers are not the demo's to take, so the demo notes are left out."""
    series = demo_object("series:NCT/CT", Series)
    if series is None:
        if Series.objects.filter(code="NCT/CT").exists():
            raise DemoSkipped("the series NCT/CT exists and is not the demo's; the demo takes "
                              "no number from a real register")
        series = Series.objects.create(code="NCT/CT", name="Notes verbales of the Secretariat",
                                       next_number=275)
        demo_remember("series:NCT/CT", series)
    return series


def load(*, users) -> None:
    series = demo_series()
    addressee = Addressee.objects.get(code="cica-member-states")
    kind = get_kind("note")
    for spec in (*NOTES, ESCAP_NOTE, SWG_NOTE):
        enclosed = demo_object(spec["encloses"], Document) if "encloses" in spec else None
        cited = demo_object(spec["cites"], Document) if "cites" in spec else None
        if demo_object(spec["key"], Note) is not None or ("encloses" in spec and not enclosed) \
                or ("cites" in spec and (cited is None or cited.state != Document.State.ISSUED)):
            continue
        enclosures = [_upload(spec["file"], users)] if "file" in spec else (
            [enclosed.pk] if enclosed else [])
        note = services.document_create(kind=kind, author=users["drafter"], content={
            "title": spec["title"],
            "fields": {"opening": spec["opening"], "body": spec["body"],
                       "place": {"en": "", "ru": "", "kk": ""}},
            "plain": {"addressee": addressee.pk, "closing": True,
                      "print_subject": spec.get("print_subject", False),
                      **({"reference_relation": "cites", "reference_document": cited.pk}
                         if cited else {})},
            "languages": ["en", "ru", "kk"],
            "series": series.pk,
            "enclosures": enclosures,
        })
        demo_remember(spec["key"], note)
        _advance(note, spec, users)


def _upload(spec, users) -> str:
    """A PDF as it would come from elsewhere (made here with WeasyPrint), uploaded."""
    data = render_pdf(html=f"<html lang='en'><body>{spec['html']}</body></html>",
                      title=spec["title"], author="", language="en")
    upload = SimpleUploadedFile(spec["name"], data, content_type="application/pdf")
    enclosed, new = enclosed_file_create(upload=upload, title=spec["title"], by=users["drafter"])
    if new:
        demo_remember(f"file:{spec['name']}", enclosed)
    return enclosed.reference


def _advance(note, spec, users):
    steps = {
        "draft": [],
        "submitted": [("submit", "drafter")],
        "approved": [("submit", "drafter"), ("approve", "reviewer")],
        "issued": [("submit", "drafter"), ("approve", "reviewer")],
    }[spec["state"]]
    for action, role in steps:
        services.document_transition(
            document=note, action=action, by=users[role], acknowledge_warnings=True
        )
    if spec["state"] == Document.State.ISSUED:
        signoff.sign_off(note, users)
        services.document_issue(
            document=note, by=users["registrar"], issued_on=spec["issued_on"],
            acknowledge_warnings=True, backdating_reason=DEMO_BACKDATING,
        )
