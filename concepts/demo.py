"""A demo concept paper (EN and RU: Kazakh is deliberately not among its languages), issued
without a number and enclosed in an issued demo note, so that `make run` shows a complete
package like the reference. New texts, not the reference's."""

import datetime
from pathlib import Path

from cica_docs.accounts.demo_records import demo_object, demo_remember
from cica_docs.documents import services
from cica_docs.documents.issue_dates import DEMO_BACKDATING
from cica_docs.documents.kinds import get_kind
from notes.demo import demo_series
from notes.models import Addressee, Note

from .apps import DEFAULT_AUTHOR
from .models import ConceptPaper

TEXTS = Path(__file__).resolve().parent / "demo_texts"
PAPER_DATE = datetime.date(2026, 11, 1)
PAPER_ISSUED = datetime.date(2026, 11, 25)
NOTE_ISSUED = datetime.date(2026, 11, 27)

TITLE = {
    "en": "on Cooperation between the Secretariat of the Conference on Interaction and "
          "Confidence Building Measures in Asia and the United Nations Economic and Social "
          "Commission for Asia and the Pacific in the Field of Disaster Risk Reduction",
    "ru": "сотрудничества между Секретариатом Совещания по взаимодействию и мерам доверия "
          "в Азии и Экономической и социальной комиссией Организации Объединенных Наций для "
          "Азии и Тихого океана в области снижения риска бедствий",
    "kk": "",
}

NOTE = {
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


def paper_content() -> dict:
    body = {lang: (TEXTS / f"{lang}.md").read_text(encoding="utf-8").strip()
            for lang in ("en", "ru")}
    return {
        "title": dict(TITLE),
        "fields": {"body": {**body, "kk": ""}, "author": dict(DEFAULT_AUTHOR)},
        "plain": {"paper_date": PAPER_DATE.isoformat()},
        "languages": ["en", "ru"],
        "series": None,
        "enclosures": [],
    }


def _approve(document, users):
    services.document_transition(document=document, action="submit", by=users["drafter"],
                                 acknowledge_warnings=True)
    services.document_transition(document=document, action="approve", by=users["reviewer"],
                                 acknowledge_warnings=True)


def load(*, users) -> None:
    series = demo_series()  # first: without the demo's register, neither is made
    paper = demo_object("concept:escap-2026", ConceptPaper)
    if paper is None:
        paper = services.document_create(
            kind=get_kind("concept"), author=users["drafter"], content=paper_content()
        )
        demo_remember("concept:escap-2026", paper)
        _approve(paper, users)
        services.document_issue(document=paper, by=users["registrar"], issued_on=PAPER_ISSUED,
                                acknowledge_warnings=True, backdating_reason=DEMO_BACKDATING)
    if demo_object("note:escap-2026", Note) is not None:
        return
    note = services.document_create(kind=get_kind("note"), author=users["drafter"], content={
        "title": NOTE["title"],
        "fields": {"opening": NOTE["opening"], "body": NOTE["body"],
                   "place": {"en": "", "ru": "", "kk": ""}},
        "plain": {"addressee": Addressee.objects.get(code="cica-member-states").pk,
                  "closing": True},
        "languages": ["en", "ru", "kk"],
        "series": series.pk,
        "enclosures": [paper.pk],
    })
    demo_remember("note:escap-2026", note)
    _approve(note, users)
    services.document_issue(document=note, by=users["registrar"], issued_on=NOTE_ISSUED,
                            acknowledge_warnings=True, backdating_reason=DEMO_BACKDATING)
