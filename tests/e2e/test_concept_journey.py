"""A concept paper from first draft to the circulated package, in the browser."""

import io
import re
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from cica_docs.accounts import roles
from cica_docs.documents.models import Series
from concepts.models import ConceptPaper
from notes.models import Note
from tests.conftest import make_user
from tests.e2e.conftest import act, fill_reference_note, issue, log_in, wait_for_preview
from tests.factories import REFERENCE, signed_off
from tests.rendering.conftest import pdftotext

TEXTS = Path(__file__).resolve().parents[2] / "concepts" / "demo_texts"
TITLE = {
    "en": "on Cooperation between the CICA Secretariat and ESCAP in Disaster Risk Reduction",
    "ru": "сотрудничества между Секретариатом СВМДА и ЭСКАТО в области снижения риска бедствий",
}


def test_a_concept_paper_is_approved_enclosed_in_a_note_and_circulated_in_its_package(
    page, live_server
):
    make_user("drafter", roles.DRAFTER)
    make_user("reviewer", roles.REVIEWER)
    make_user("registrar", roles.REGISTRAR)
    Series.objects.create(code="NCT/CT", next_number=275)

    # The drafter writes the paper in English and Russian; Kazakh is left out on purpose.
    log_in(page, live_server, "drafter")
    page.get_by_role("link", name="New Concept paper").click()
    for lang in ("en", "ru"):
        column = page.locator(f"section.language-column[lang={lang}]")
        column.get_by_label("Title").fill(TITLE[lang])
        column.get_by_label("Text").fill((TEXTS / f"{lang}.md").read_text(encoding="utf-8"))
    expect(page.locator("section.language-column[lang=ru]").get_by_label("Author line")) \
        .to_have_value("Секретариат СВМДА")
    page.get_by_role("checkbox", name="Kazakh").uncheck()
    page.locator("#id_paper_date_0").select_option("11")
    page.locator("#id_paper_date_1").fill("2026")
    # The live preview numbers the sections of both columns alike.
    wait_for_preview(page, "ru", "Ноябрь 2026 года")
    expect(page.locator("#preview div[lang=ru] .section-link")).to_have_count(6)
    expect(page.locator("#preview div[lang=en] .section-link")).to_have_count(6)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved as revision 1.")).to_be_visible()
    act(page, "Submit for review", "submit")
    expect(page.locator(".badge.fs-6")).to_have_text("Submitted for review")

    log_in(page, live_server, "reviewer")
    page.get_by_role("link", name=TITLE["en"]).click()
    act(page, "Approve", "approve")
    expect(page.locator(".badge.fs-6")).to_have_text("Approved")
    paper = ConceptPaper.objects.get()

    # The drafter encloses the approved paper in a note to the Member States.
    log_in(page, live_server, "drafter")
    page.get_by_role("link", name="New Note verbale").click()
    fill_reference_note(page)
    page.get_by_label("Enclosure 1").select_option(str(paper.pk))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved as revision 1.")).to_be_visible()
    expect(page.get_by_role("link", name=TITLE["en"])).to_be_visible()
    act(page, "Submit for review", "submit")

    log_in(page, live_server, "reviewer")
    page.get_by_role("link", name=REFERENCE["title"]["en"]).click()
    act(page, "Approve", "approve")

    # NCT/CT is issued once its revisers have signed off each language (the workbench's
    # service; tests/e2e/test_workbench_journey.py does it in the browser).
    signed_off(Note.objects.get())
    log_in(page, live_server, "registrar")
    page.get_by_role("link", name=REFERENCE["title"]["en"]).click()
    issue(page, issued_on="2026-11-27", reason="Signed on 27 November.")
    expect(page.get_by_text("Issued as № NCT/CT/275.")).to_be_visible()

    # The package, as downloaded from the document page.
    note = Note.objects.get()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"^Package · download")).click()
    data = Path(download.value.path()).read_bytes()
    reader = PdfReader(io.BytesIO(data))
    starts = {item.title: reader.get_destination_page_number(item) for item in reader.outline
              if not isinstance(item, list)}
    assert list(starts) == ["№ NCT/CT/275 (EN)", "№ NCT/CT/275 (RU)", "№ NCT/CT/275 (KK)",
                            "CONCEPT PAPER (EN)", "КОНЦЕПЦИЯ (RU)"]
    paper_pages = len(reader.pages) - starts["CONCEPT PAPER (EN)"]
    assert paper_pages > 2

    raw = pdftotext(data)
    text = re.sub(r"\s+", " ", raw)
    order = [text.index(s) for s in (
        "presents its compliments to the CICA Member States",
        "свидетельствует свое уважение государствам-членам СВМДА",
        "өзінің зор ілтипатын білдіреді",
        "CONCEPT PAPER", "КОНЦЕПЦИЯ",
    )]
    assert order == sorted(order)
    assert f"Enclosure: as stated, on {paper_pages} p." in text
    assert f"Приложение: упомянутое, на {paper_pages} л." in text
    assert f"Қосымша: аталған, {paper_pages} парақта." in text
    assert "CICA Secretariat\nNovember 2026" in raw
    assert "Секретариат СВМДА\nНоябрь 2026 года" in raw
    assert note.state == "issued"
