"""A PDF made elsewhere, uploaded and enclosed with a note, in the browser."""

import io
import re
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from cica_docs.accounts import roles
from cica_docs.documents.models import Series
from tests.conftest import make_user
from tests.e2e.conftest import fill_reference_note, log_in
from tests.factories import house_pdf
from tests.rendering.conftest import pdftotext


def test_a_drafter_uploads_a_pdf_and_encloses_it_in_a_note(page, live_server, tmp_path):
    make_user("drafter", roles.DRAFTER)
    Series.objects.create(code="NCT/CT", next_number=275)
    refused = tmp_path / "scan.pdf"
    refused.write_bytes(b"this is not a PDF")
    programme = tmp_path / "programme.pdf"
    programme.write_bytes(house_pdf("Provisional programme", pages=2))

    log_in(page, live_server, "drafter")
    page.get_by_role("link", name="PDF files").click()
    # A file that is not a PDF is refused with the reason; the title typed stays.
    page.get_by_label("Title").fill("Provisional programme of the meeting")
    page.get_by_label("PDF file").set_input_files(refused)
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("The file is not a PDF.")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Provisional programme of the meeting")
    page.get_by_label("PDF file").set_input_files(programme)
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("is uploaded (2 p.)")).to_be_visible()

    page.get_by_role("link", name="Work list").click()
    page.get_by_role("link", name="New Note verbale").click()
    fill_reference_note(page)
    page.get_by_label("Enclosure 1").select_option(
        label="Provisional programme of the meeting (PDF, 2 pages)"
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved as revision 1.")).to_be_visible()
    expect(page.get_by_text("PDF, 2 pages")).to_be_visible()

    # The draft package: the note in three languages, then the file's two pages.
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"^Package · download")).click()
    data = Path(download.value.path()).read_bytes()
    reader = PdfReader(io.BytesIO(data))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[-1] == "Provisional programme of the meeting"
    assert reader.get_destination_page_number(reader.outline[-1]) == len(reader.pages) - 2
    text = re.sub(r"\s+", " ", pdftotext(data))
    assert "Enclosure: as stated, on 2 p." in text
    assert "Қосымша: аталған, 2 парақта." in text
    assert text.rindex("Provisional programme 2") > text.index("өзінің зор ілтипатын")
