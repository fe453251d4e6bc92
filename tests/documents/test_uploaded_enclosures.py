"""Uploaded PDF files as enclosures: accepted or refused with a reason, stored once and
never changed, enclosed in notes, counted in the enclosure line, merged into the package."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from cica_docs.audit.models import AuditEvent
from cica_docs.db import AppendOnlyError
from cica_docs.documents import services
from cica_docs.documents.checks import run_checks
from cica_docs.documents.diff import revision_diff
from cica_docs.documents.models import EnclosedFile, Enclosure, Revision
from cica_docs.documents.uploads import UploadRefused, enclosed_file_create
from cica_docs.issuing.models import RenderedFile
from cica_docs.issuing.packages import render_one
from cica_docs.rendering.inspect import inspect_pdf
from tests.documents.test_views import form_data
from tests.factories import (
    LETTER,
    approved_concept,
    approved_note,
    foreign_pdf,
    house_pdf,
    make_note,
    upload_file,
)
from tests.rendering.conftest import pdftotext

pytestmark = pytest.mark.django_db


# --- reading a PDF from outside ------------------------------------------------------------


def test_a_pdf_with_embedded_fonts_on_a4_has_nothing_to_report():
    facts = inspect_pdf(house_pdf(pages=3))
    assert (facts.problem, facts.pages, facts.pages_not_a4, facts.fonts_not_embedded) == \
        ("", 3, 0, ())


def test_fonts_that_are_not_embedded_and_pages_that_are_not_a4_are_reported():
    facts = inspect_pdf(foreign_pdf(pages=2, size=LETTER, font="Helvetica"))
    assert facts.problem == ""
    assert facts.pages == 2 and facts.pages_not_a4 == 2
    assert facts.fonts_not_embedded == ("Helvetica",)


@pytest.mark.parametrize("data, problem", [
    (b"GIF89a not a pdf at all", "not_pdf"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF", "unreadable"),
    (foreign_pdf(password="secret"), "encrypted"),
    (foreign_pdf(pages=0), "no_pages"),
    (foreign_pdf(javascript=True), "active_content"),
    (foreign_pdf(attachment=True), "active_content"),
], ids=["not_pdf", "damaged", "encrypted", "empty", "javascript", "embedded_file"])
def test_what_may_not_be_circulated_is_named(data, problem):
    assert inspect_pdf(data).problem == problem


def test_more_pages_than_the_limit_is_refused(settings):
    settings.PDF_MAX_PAGES = 2
    facts = inspect_pdf(foreign_pdf(pages=3))
    assert (facts.problem, facts.pages) == ("too_many_pages", 3)


# --- the upload service ----------------------------------------------------------------------


def _upload(user, data, title="Programme", name="programme.pdf"):
    upload = SimpleUploadedFile(name, data, content_type="application/pdf")
    return enclosed_file_create(upload=upload, title=title, by=user)


def test_an_upload_is_stored_once_with_its_facts_and_audited(drafter):
    data = foreign_pdf(pages=2, font="Times-Roman")
    enclosed, new = _upload(drafter, data, title="  Provisional   programme ")
    assert new and enclosed.title == "Provisional programme"
    assert enclosed.pages == 2 and enclosed.fonts_not_embedded == ["Times-Roman"]
    # What is stored is the rewrite (rendering.sanitise), with the same pages and text.
    stored = enclosed.file.open("rb").read()
    assert stored == inspect_pdf(data).data and enclosed.size == len(stored)
    assert "Programme of the meeting" in pdftotext(stored)
    assert AuditEvent.objects.filter(action="enclosed_file.upload").count() == 1
    again, new = _upload(drafter, data, title="Another title")
    assert (again.pk, new) == (enclosed.pk, False)
    assert EnclosedFile.objects.count() == 1


@pytest.mark.parametrize("case, message", [
    ("too_big", "the largest PDF that can be enclosed is"),
    ("no_title", "Give the file a title."),
    ("scripted", "contains scripts, actions or embedded files"),
    ("encrypted", "encrypted or protected by a password"),
])
def test_a_refused_upload_says_why_and_stores_nothing(case, message, drafter, settings):
    settings.ENCLOSURE_MAX_BYTES = 10_000
    data = {"too_big": b"%PDF-1.7" + b" " * 20_000,
            "scripted": foreign_pdf(javascript=True),
            "encrypted": foreign_pdf(password="x")}.get(case, house_pdf())
    with pytest.raises(UploadRefused) as refusal:
        _upload(drafter, data, title="" if case == "no_title" else "Programme")
    assert message in refusal.value.message
    assert not EnclosedFile.objects.exists()


def test_an_uploaded_file_never_changes(drafter):
    enclosed = upload_file(drafter)
    enclosed.title = "Changed"
    with pytest.raises(AppendOnlyError):
        enclosed.save()
    with pytest.raises(AppendOnlyError):
        EnclosedFile.objects.filter(pk=enclosed.pk).update(title="Changed")


# --- the upload page ---------------------------------------------------------------------------


def test_a_drafter_uploads_a_file_on_the_page_and_sees_it_listed(client, drafter):
    client.force_login(drafter)
    upload = SimpleUploadedFile("prog.pdf", house_pdf(pages=2), content_type="application/pdf")
    response = client.post("/en/work/files/", {"title": "Programme", "file": upload}, follow=True)
    assert "“Programme” is uploaded (2 p.)" in response.text
    enclosed = EnclosedFile.objects.get()
    assert f'href="/en/work/files/{enclosed.pk}/"' in response.text
    pdf = client.get(f"/en/work/files/{enclosed.pk}/")
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content) == enclosed.file.open("rb").read()


def test_a_refused_file_on_the_page_keeps_the_title_and_says_why(client, drafter):
    client.force_login(drafter)
    upload = SimpleUploadedFile("x.pdf", b"not a pdf", content_type="application/pdf")
    response = client.post("/ru/work/files/", {"title": "Программа", "file": upload})
    assert response.status_code == 200
    assert "Файл не является PDF." in response.text
    assert 'value="Программа"' in response.text
    assert not EnclosedFile.objects.exists()


def test_only_drafters_upload(client, reviewer):
    client.force_login(reviewer)
    upload = SimpleUploadedFile("p.pdf", house_pdf(), content_type="application/pdf")
    assert client.post("/en/work/files/", {"title": "P", "file": upload}).status_code == 403
    assert client.get("/en/work/files/").status_code == 200
    assert not EnclosedFile.objects.exists()


# --- enclosing a file in a note ------------------------------------------------------------------


def test_a_note_encloses_a_file_and_a_concept_paper_in_the_chosen_order(client, drafter,
                                                                         reviewer):
    enclosed = upload_file(drafter)
    paper = approved_concept(drafter, reviewer)
    note = make_note(drafter)
    client.force_login(drafter)
    page = client.get(f"/en/work/{note.pk}/edit/").text
    assert f'<option value="file:{enclosed.pk}">Provisional programme (PDF, 1 page)</option>' \
        in page
    response = client.post(f"/en/work/{note.pk}/edit/", form_data(
        base_revision=1, enclosures=[f"file:{enclosed.pk}", str(paper.pk)],
    ), follow=True)
    assert "Saved as revision 2." in response.text
    assert note.revisions.get(number=2).content["enclosures"] == [f"file:{enclosed.pk}",
                                                                   paper.pk]
    rows = list(note.enclosures.values_list("file_id", "enclosed_id"))
    assert rows == [(enclosed.pk, None), (None, paper.pk)]
    detail = client.get(f"/en/work/{note.pk}/").text
    assert "PDF, 1 page" in detail
    diff = revision_diff(note, note.revisions.get(number=1).content,
                         note.revisions.get(number=2).content)
    (row,) = [r for r in diff if r.field == "enclosures"]
    inserted = "".join(s.text for s in row.segments if s.op == "insert")
    assert row.changed and "Provisional programme (PDF)" in inserted


@pytest.mark.parametrize("ids, message", [
    (["file:987654"], "PDF file 987654 does not exist."),
    (["file:x"], "“file:x” is not a document."),
    (["file:1", "file:1"], "The same document is enclosed twice."),
], ids=["unknown", "not_a_number", "twice"])
def test_a_forged_file_enclosure_is_a_form_error_and_nothing_is_saved(ids, message, client,
                                                                      drafter):
    enclosed = upload_file(drafter)
    ids = [value.replace("file:1", f"file:{enclosed.pk}") for value in ids]
    note = make_note(drafter)
    client.force_login(drafter)
    before = (Revision.objects.count(), Enclosure.objects.count())
    response = client.post(f"/en/work/{note.pk}/edit/", form_data(
        base_revision=1, body_en="Changed text that must not be lost.", enclosures=ids,
    ))
    assert response.status_code == 200
    assert message in response.text and "Changed text that must not be lost." in response.text
    assert (Revision.objects.count(), Enclosure.objects.count()) == before


def test_a_file_with_fonts_not_embedded_or_other_paper_is_a_warning_before_issue(drafter):
    enclosed = upload_file(drafter, foreign_pdf(size=LETTER, font="Arial"), title="Map")
    note = make_note(drafter, enclosures=[enclosed.reference])
    codes = {f.code: f for f in run_checks(note)}
    assert codes["enclosure_fonts"].level == "warning"
    assert "(Arial)" in str(codes["enclosure_fonts"].message)
    assert codes["enclosure_paper"].level == "warning"
    assert "1 page that is not A4" in str(codes["enclosure_paper"].message)


# --- the package -------------------------------------------------------------------------------


def _claims_pdfa(data) -> bool:
    metadata = PdfReader(io.BytesIO(data)).trailer["/Root"].get("/Metadata")
    return metadata is not None and b"pdfaid:part" in metadata.get_object().get_data()


def _outline(data):
    reader = PdfReader(io.BytesIO(data))
    return [(item.title, reader.get_destination_page_number(item))
            for item in reader.outline if not isinstance(item, list)], reader


def test_the_package_puts_the_file_pages_after_the_note_and_counts_them(drafter):
    enclosed = upload_file(drafter, house_pdf("Provisional programme", pages=3))
    note = make_note(drafter, enclosures=[enclosed.reference])
    package = render_one(note, "package")
    assert package.page_counts[-1] == 3
    outline, reader = _outline(package.data)
    notes_pages = sum(package.page_counts[:3])
    assert outline[-1] == ("Provisional programme", notes_pages)
    assert len(reader.pages) == notes_pages + 3
    text = pdftotext(package.data)
    assert "Enclosure: as stated, on 3 p." in " ".join(text.split())
    assert "Приложение: упомянутое, на 3 л." in " ".join(text.split())
    assert text.index("presents its compliments") < text.index("Provisional programme 2")
    # The note alone in one language is still PDF/A; the package with a foreign file
    # does not claim it.
    assert _claims_pdfa(render_one(note, "en").data) and not _claims_pdfa(package.data)
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_files_and_concept_papers_are_counted_each_and_placed_in_order(drafter, reviewer):
    enclosed = upload_file(drafter, foreign_pdf(pages=2))
    paper = approved_concept(drafter, reviewer)
    note = make_note(drafter, enclosures=[paper.pk, enclosed.reference])
    package = render_one(note, "package")
    outline, _reader = _outline(package.data)
    titles = [title for title, _page in outline]
    assert titles[-1] == "Provisional programme"
    assert titles.index("Provisional programme") > titles.index("CONCEPT PAPER (EN)")
    text = " ".join(pdftotext(package.data).split())
    paper_pages = sum(package.page_counts[3:-1])
    assert f"Enclosure: as stated, on {paper_pages} p." in text
    assert "Enclosure: as stated, on 2 p." in text


def test_in_a_drafts_package_the_file_pages_carry_the_draft_mark_too(drafter):
    enclosed = upload_file(drafter, house_pdf("Provisional programme", pages=2))
    note = make_note(drafter, enclosures=[enclosed.reference])
    package = render_one(note, "package")
    pages = pdftotext(package.data, "-raw").split("\f")
    first_file_page = sum(package.page_counts[:-1])
    for page in pages[first_file_page:first_file_page + 2]:
        assert "DRAFT · ПРОЕКТ · ЖОБА" in page and "Provisional programme" in page


def test_the_issued_package_holds_the_file_byte_for_byte_pages(drafter, reviewer, registrar,
                                                               django_capture_on_commit_callbacks):
    data = house_pdf("Annex to the note", pages=2)
    enclosed = upload_file(drafter, data, title="Annex")
    note = approved_note(drafter, reviewer, enclosures=[enclosed.reference])
    with django_capture_on_commit_callbacks(execute=True):
        services.document_issue(document=note, by=registrar,
                                issued_on=datetime.date(2026, 11, 27), acknowledge_warnings=True,
                                backdating_reason="As signed.")
    stored = RenderedFile.objects.get(document=note, variant="package")
    package = stored.file.open("rb").read()
    outline, reader = _outline(package)
    assert outline[-1][0] == "Annex" and stored.pages == len(reader.pages)
    original = PdfReader(io.BytesIO(data))
    assert reader.pages[-1].extract_text() == original.pages[-1].extract_text()
    assert "DRAFT" not in pdftotext(package, "-raw")  # issued: no mark anywhere
    assert "Enclosure: as stated, on 2 p." in " ".join(pdftotext(package).split())
    # An enclosed file cannot be taken away from under an issued note.
    from django.db.models import ProtectedError
    with pytest.raises((ProtectedError, AppendOnlyError)):
        enclosed.delete()
