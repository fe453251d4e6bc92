"""A concept paper's print HTML rendered to a real PDF and read back with pdftotext."""

import re

import pytest

from cica_docs.rendering.pdf import render_package
from concepts.models import ConceptPaper
from concepts.printing import print_parts
from tests.factories import CONCEPT, approved_concept, make_concept
from tests.rendering.conftest import pdftotext


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def issued_like_paper(drafter):
    paper = make_concept(drafter)
    paper = ConceptPaper.objects.get(pk=paper.pk)
    paper.state = "issued"  # printed without the DRAFT mark
    return paper


def test_a_concept_paper_prints_one_copy_per_issued_language_with_heading_title_and_sign_off(
    issued_like_paper,
):
    parts = print_parts(issued_like_paper)
    assert [part.label for part in parts] == ["CONCEPT PAPER (EN)", "КОНЦЕПЦИЯ (RU)"]
    pdf = render_package(parts, title="Concept paper", author="CICA Secretariat", language="en")
    pages = pdftotext(pdf.data).split("\f")
    en, ru = (flat(pages[0]), flat(pages[pdf.page_counts[0]]))
    assert en.index("CONCEPT PAPER") < en.index(CONCEPT["title"]["en"]) < en.index("INTRODUCTION")
    assert en.index("AREAS OF COOPERATION") < en.index("CICA Secretariat March 2024")
    assert "exchange of information" in en and "DRAFT" not in en
    assert ru.index("КОНЦЕПЦИЯ") < ru.index(CONCEPT["title"]["ru"]) < ru.index("ВВЕДЕНИЕ")
    assert ru.rstrip().endswith("Секретариат СВМДА Март 2024 года")


def test_the_kazakh_copy_prints_its_heading_and_month_year_in_kazakh(issued_like_paper):
    paper = issued_like_paper
    paper.languages = ["kk"]
    paper.title_kk = "Азия Кеңесінің Хатшылығы мен өңірлік ұйым арасындағы ынтымақтастық туралы"
    paper.body_kk = "# КІРІСПЕ\n\nКеңес 1992 жылы құрылды."
    paper.author_kk = "Азия Кеңесінің Хатшылығы"
    text = flat(pdftotext(render_package(
        print_parts(paper), title="t", author="a", language="kk"
    ).data))
    assert text.index("ТҰЖЫРЫМДАМА") < text.index("КІРІСПЕ")
    assert text.rstrip().endswith("Азия Кеңесінің Хатшылығы 2024 жылғы наурыз")


def test_a_draft_carries_the_draft_mark_in_each_copys_language(drafter):
    paper = ConceptPaper.objects.get(pk=make_concept(drafter).pk)
    en, ru = (part.html for part in print_parts(paper))
    assert '"draft-mark">DRAFT<' in en and '"draft-mark">ПРОЕКТ<' in ru


def test_an_approved_paper_enclosed_in_an_issued_note_prints_without_the_draft_mark(
    drafter, reviewer
):
    paper = approved_concept(drafter, reviewer)
    assert all("draft-mark" not in part.html for part in print_parts(paper))


def test_html_typed_in_the_body_is_printed_as_text_not_markup(issued_like_paper):
    issued_like_paper.body_en = "<b>not bold</b> <img src=x>"
    html = print_parts(issued_like_paper)[0].html
    assert "&lt;b&gt;not bold&lt;/b&gt;" in html and "<img" not in html


def test_every_page_of_a_draft_carries_the_draft_mark(drafter):
    paper = make_concept(drafter)
    paper.body_en = "\n\n".join(f"Paragraph {n}. " + "Confidence building. " * 60
                                  for n in range(30))
    parts = print_parts(paper)
    pdf = render_package(parts[:1], title="Draft", author="CICA Secretariat", language="en")
    assert pdf.total_pages >= 3
    pages = pdftotext(pdf.data, "-raw").split("\f")[:pdf.total_pages]
    assert all("DRAFT" in page for page in pages), [("DRAFT" in p) for p in pages]
