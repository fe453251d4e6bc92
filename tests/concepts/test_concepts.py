"""Concept papers on the platform: form, defaults, checks, lifecycle without a number."""

import datetime

import pytest

from cica_docs.documents import services
from cica_docs.documents.checks import run_checks
from cica_docs.documents.content import snapshot
from cica_docs.documents.kinds import get_kind
from concepts.models import ConceptPaper
from tests.factories import CONCEPT, approved_concept, make_concept
from tests.preview import page_text, print_pages

pytestmark = pytest.mark.django_db


def concept_form(**overrides):
    data = {
        "base_revision": 0,
        "languages": ["en", "ru"],
        "series": "",
        "paper_date_0": "3",
        "paper_date_1": "2024",
        "comment": "",
    }
    for lang in ("en", "ru", "kk"):
        data[f"title_{lang}"] = CONCEPT["title"][lang]
        data[f"body_{lang}"] = CONCEPT["body"][lang]
        data[f"author_{lang}"] = CONCEPT["author"][lang]
    data.update(overrides)
    return data


def codes(findings, lang=None):
    return {f.code for f in findings if lang is None or f.language == lang}


def test_a_new_concept_paper_offers_the_secretariat_as_author_in_every_language(
    client, drafter
):
    client.force_login(drafter)
    response = client.get("/en/work/new/concept/")
    assert response.status_code == 200
    for text in ("CICA Secretariat", "Секретариат СВМДА", "Азия Кеңесінің Хатшылығы"):
        assert f'value="{text}"' in response.text
    today = datetime.date.today()
    assert f'value="{today.year}"' in response.text  # the year of the paper, this year


def test_a_drafter_saves_a_concept_paper_in_english_and_russian_only(client, drafter):
    client.force_login(drafter)
    response = client.post("/en/work/new/concept/", concept_form(), follow=True)
    paper = ConceptPaper.objects.get()
    assert "Saved as revision 1." in response.text
    assert paper.languages == ["en", "ru"] and paper.series_id is None
    assert paper.paper_date == datetime.date(2024, 3, 1)
    assert paper.revisions.get().content["plain"] == {"paper_date": "2024-03-01"}
    # The detail page shows the paper as it will print, section headings included.
    pages = dict(print_pages(response.text))
    assert list(pages) == ["en", "ru"]
    assert "CONCEPT PAPER" in page_text(pages["en"]) and "КОНЦЕПЦИЯ" in page_text(pages["ru"])
    assert "<h1>ВВЕДЕНИЕ</h1>" in pages["ru"] and "Март 2024 года" in page_text(pages["ru"])


def test_a_month_without_a_year_is_a_form_error_and_nothing_is_saved(client, drafter):
    client.force_login(drafter)
    response = client.post("/en/work/new/concept/", concept_form(paper_date_1=""))
    assert response.status_code == 200
    assert "Give both the month and the year." in response.text
    assert not ConceptPaper.objects.exists()


def test_a_concept_paper_is_issued_without_a_number(drafter, reviewer, registrar):
    paper = approved_concept(drafter, reviewer)
    issued = services.document_issue(document=paper, by=registrar, acknowledge_warnings=True)
    paper.refresh_from_db()
    assert paper.state == "issued" and paper.number is None and issued.symbol == ""


def test_an_empty_title_or_text_in_an_issued_language_is_an_error(drafter):
    paper = make_concept(drafter)
    paper.title_ru = ""
    paper.body_en = " "
    findings = run_checks(paper)
    assert "empty_title" in codes(findings, "ru") and "empty_language" in codes(findings, "en")
    # Kazakh is not among the paper's languages: its empty text is not a finding.
    assert not codes(findings, "kk")


def test_a_paper_without_its_month_and_year_cannot_be_submitted(drafter):
    paper = make_concept(drafter, paper_date=None)
    with pytest.raises(services.ChecksFailed) as refused:
        services.document_transition(document=paper, action="submit", by=drafter)
    assert "no_paper_date" in codes(refused.value.findings)


def test_the_platform_checks_numbers_and_mixed_scripts_of_concept_papers(drafter):
    paper = make_concept(drafter)
    paper.body_ru = paper.body_ru.replace("1992", "1993").replace("обмен", "oбмен")
    found = codes(run_checks(paper), "ru")
    assert {"numbers_differ", "mixed_script"} <= found


def test_a_revision_keeps_the_month_of_the_paper_and_restore_brings_it_back(drafter):
    paper = make_concept(drafter)
    content = snapshot(paper)
    content["plain"]["paper_date"] = "2024-04-01"
    services.revision_create(document=paper, author=drafter, content=content, base_revision=1)
    services.revision_restore(document=paper, number=1, author=drafter, base_revision=2)
    paper.refresh_from_db()
    assert paper.paper_date == datetime.date(2024, 3, 1) and paper.revision_number == 3


def test_the_kind_is_registered_as_enclosable_and_without_a_series():
    kind = get_kind("concept")
    assert kind.enclosable and not kind.requires_series and not kind.takes_enclosures
