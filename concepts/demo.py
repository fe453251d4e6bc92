"""A demo concept paper (EN and RU: Kazakh is deliberately not among its languages), issued
without a number; the notes' demo encloses it in an issued note, so that `make run` shows a
complete package like the reference. New texts, not the reference's."""

import datetime
from pathlib import Path

from cica_docs.accounts.demo_records import demo_object, demo_remember
from cica_docs.documents import services
from cica_docs.documents.issue_dates import DEMO_BACKDATING
from cica_docs.documents.kinds import get_kind
from cica_docs.workbench import demo as signoff

from .apps import DEFAULT_AUTHOR
from .models import ConceptPaper

TEXTS = Path(__file__).resolve().parent / "demo_texts"
PAPER_DATE = datetime.date(2026, 11, 1)
PAPER_ISSUED = datetime.date(2026, 11, 25)
# Before the kinds whose demo documents enclose this one.
PHASE = 0

TITLE = {
    "en": "on Cooperation between the Secretariat of the Conference on Interaction and "
          "Confidence Building Measures in Asia and the United Nations Economic and Social "
          "Commission for Asia and the Pacific in the Field of Disaster Risk Reduction",
    "ru": "сотрудничества между Секретариатом Совещания по взаимодействию и мерам доверия "
          "в Азии и Экономической и социальной комиссией Организации Объединенных Наций для "
          "Азии и Тихого океана в области снижения риска бедствий",
    "kk": "",
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
    if demo_object("concept:escap-2026", ConceptPaper) is None:
        paper = services.document_create(
            kind=get_kind("concept"), author=users["drafter"], content=paper_content()
        )
        demo_remember("concept:escap-2026", paper)
        _approve(paper, users)
        signoff.sign_off(paper, users)
        services.document_issue(document=paper, by=users["registrar"], issued_on=PAPER_ISSUED,
                                acknowledge_warnings=True, backdating_reason=DEMO_BACKDATING)
