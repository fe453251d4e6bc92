import datetime
import hashlib

import pytest

from cica_docs.documents import services
from cica_docs.documents.models import Document
from cica_docs.issuing.models import RenderedFile, Rendering
from cica_docs.issuing.packages import render_all
from cica_docs.issuing.services import issued_closings
from cica_docs.letterhead.models import Letterhead
from tests.factories import approved_note, make_note
from tests.rendering.conftest import pdftotext

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued_note(drafter, reviewer, registrar, django_capture_on_commit_callbacks):
    note = approved_note(drafter, reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        services.document_issue(
            document=note, by=registrar, issued_on=datetime.date(2024, 3, 6),
            backdating_reason="The reference note's date.",
        )
    note.refresh_from_db()
    return note


def test_issuing_renders_and_stores_every_variant_once(issued_note):
    files = {f.variant: f for f in RenderedFile.objects.filter(document=issued_note)}
    assert set(files) == {"en", "ru", "kk", "package"}
    assert Rendering.objects.get(document=issued_note).status == "ready"
    for record in files.values():
        data = record.file.open("rb").read()
        assert hashlib.sha256(data).hexdigest() == record.sha256
        assert record.pages >= 1 and record.size == len(data)
    assert files["ru"].filename == "NCT-CT-275_ru.pdf"
    text = pdftotext(files["package"].file.open("rb").read(), "-raw")
    # The number line of each copy (the verification lines name the number too).
    assert [line.strip() for line in text.splitlines()].count("№ NCT/CT/275") == 3
    assert "Astana, 6 March 2024" in text
    assert "город Астана, 6 марта 2024 года" in text
    assert "Астана қаласы, 2024 жылғы 6 наурыз" in text
    assert "ПРОЕКТ" not in text and "DRAFT" not in text
    # Its revision was written without the fields the note has gained since (the subject
    # line, the reference): they read as their defaults, not as a forgery.
    from cica_docs.audit.models import AuditEvent

    assert not AuditEvent.objects.filter(action="document.content_forged").exists()


@pytest.mark.fresh_render  # the point is that the renderer, run again, writes the same bytes
def test_the_same_issued_revision_renders_to_the_same_bytes(issued_note):
    """Rendered again, the issued revision gives the same bytes, which are the first bytes
    of each stored file: the seal is an incremental update after them."""
    stored = {}
    for rendered in RenderedFile.objects.filter(document=issued_note):
        with rendered.file.open("rb") as handle:
            stored[rendered.variant] = handle.read()
    again = {r.variant: r.pdf.data for r in render_all(
        issued_note, created=issued_note.issued.issued_at,
        closings=issued_closings(issued_note),
    )}
    assert set(again) == set(stored)
    for variant, data in again.items():
        assert stored[variant][:len(data)] == data, variant
        assert len(stored[variant]) > len(data)


def test_downloads_come_from_storage_and_never_re_render(client, registrar, issued_note):
    stored = RenderedFile.objects.get(document=issued_note, variant="ru")
    # An administrator corrects the letterhead after the issue: the issued PDF must not change.
    letterhead = Letterhead.current()
    letterhead.letterhead_ru = "ИЗМЕНЕННЫЙ БЛАНК"
    letterhead.save()
    client.force_login(registrar)
    response = client.get(f"/en/work/{issued_note.pk}/pdf/ru/")
    data = b"".join(response.streaming_content)
    assert hashlib.sha256(data).hexdigest() == stored.sha256
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="NCT-CT-275_ru.pdf"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-store"
    assert "ИЗМЕНЕННЫЙ БЛАНК" not in pdftotext(data)


def test_a_draft_is_previewed_on_demand_with_a_draft_mark(client, drafter):
    note = make_note(drafter)
    client.force_login(drafter)
    response = client.get(f"/en/work/{note.pk}/pdf/ru/?inline=1")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    text = pdftotext(response.content, "-raw")  # -raw keeps the rotated draft mark
    assert "ПРОЕКТ" in text and "№ ___" in text
    assert not RenderedFile.objects.exists()


def test_an_issued_note_whose_files_are_not_ready_says_so(
    client, drafter, reviewer, registrar
):
    note = approved_note(drafter, reviewer)
    services.document_issue(document=note, by=registrar)  # on_commit not run: still queued
    client.force_login(registrar)
    response = client.get(f"/en/work/{note.pk}/pdf/package/")
    assert response.status_code == 409
    assert "The PDF is not ready yet" in response.text
    page = client.get(f"/en/work/{note.pk}/")
    assert "being rendered" in page.text


@pytest.mark.parametrize("variant", ["xx", "package2", "EN"])
def test_unknown_variants_are_404(client, drafter, variant):
    note = make_note(drafter, languages=("en", "ru"))
    client.force_login(drafter)
    assert client.get(f"/en/work/{note.pk}/pdf/{variant}/").status_code == 404
    assert client.get(f"/en/work/{note.pk}/pdf/kk/").status_code == 404


def test_delegates_get_no_secretariat_pdf(client, drafter, delegate_kz, issued_note):
    client.force_login(delegate_kz)
    assert client.get(f"/en/work/{issued_note.pk}/pdf/package/").status_code == 403


def test_a_failed_rendering_is_shown_and_can_be_started_again(
    client, drafter, reviewer, registrar, django_capture_on_commit_callbacks, settings
):
    note = approved_note(drafter, reviewer)
    settings.PDF_MAX_PAGES = 0  # every render now fails with a clear error
    with django_capture_on_commit_callbacks(execute=True):
        services.document_issue(document=note, by=registrar)
    # The issue stands; only the rendering failed, and it says why.
    assert Document.objects.get(pk=note.pk).state == "issued"
    failed = Rendering.objects.get(document=note)
    assert failed.status == "failed" and "page" in failed.error.lower()
    client.force_login(registrar)
    page = client.get(f"/en/work/{note.pk}/")
    assert "Rendering failed:" in page.text and "Render again" in page.text
    settings.PDF_MAX_PAGES = 1000
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/work/{note.pk}/pdf/retry/")
    assert Rendering.objects.get(document=note).status == "ready"
    assert RenderedFile.objects.filter(document=note).count() == 4
