"""What an issue records of the sign-offs: the PDFs' metadata and the register name the
revisers, read back from the stored files and the page."""

import datetime
import io
import subprocess

import pytest
from pypdf import PdfReader

from cica_docs.documents import services
from cica_docs.issuing.models import RenderedFile
from tests.factories import approved_note

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued_note(drafter, reviewer, registrar, django_capture_on_commit_callbacks):
    note = approved_note(drafter, reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        services.document_issue(document=note, by=registrar,
                                issued_on=datetime.date(2024, 3, 6),
                                backdating_reason="The reference note's date.")
    note.refresh_from_db()
    return note


def test_the_official_pdfs_name_the_revisers_in_their_keywords(issued_note, tmp_path):
    stored = RenderedFile.objects.get(document=issued_note, variant="ru")
    data = stored.file.open("rb").read()
    path = tmp_path / "ru.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True,
                          check=True).stdout
    assert ("Keywords:        NCT/CT/275, Reviser EN: Гульнара Ахметова, Reviser RU: "
            "Гульнара Ахметова, Reviser KK: Гульнара Ахметова") in info
    reader = PdfReader(io.BytesIO(data))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "Reviser KK: Гульнара Ахметова" in xmp and 'pdfaid:part="3"' in xmp


def test_the_register_and_the_document_page_show_who_signed_off(client, registrar,
                                                                issued_note):
    client.force_login(registrar)
    register = client.get("/en/register/").content.decode()
    assert "Signed off: EN — Гульнара Ахметова; RU — Гульнара Ахметова; KK — Гульнара" in (
        register)
    page = client.get(f"/en/work/{issued_note.pk}/").content.decode()
    assert "signed off by Гульнара Ахметова, on revision 1" in page
