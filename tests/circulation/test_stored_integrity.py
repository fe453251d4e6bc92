"""Stored bytes are checked against their SHA-256 when served (SECURITY.md 14): a file changed
or removed in storage is refused everywhere — staff pages, the portal, the API — with no
byte of it sent, no receipt, and one security event each time."""

from pathlib import Path

import pytest
from django.test import Client

from cica_docs.audit.models import AuditEvent
from cica_docs.circulation.models import Receipt
from cica_docs.issuing.models import RenderedFile
from cica_docs.issuing.packages import render_one
from cica_docs.rendering.pdf import RenderError
from tests.api.conftest import token_client
from tests.factories import house_pdf, make_note, upload_file

pytestmark = pytest.mark.django_db

MESSAGES = {
    "en": "the stored file is missing or no longer matches the fingerprint (SHA-256)",
    "ru": "сохраненный файл отсутствует или больше не совпадает с отпечатком (SHA-256)",
    "kk": "сақталған файл жоқ немесе оның SHA-256 цифрлық ізі",
}


def _refusals() -> int:
    return AuditEvent.objects.filter(action="stored_file.refused").count()


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def tampered(issue, dispatch_to):
    """An issued note dispatched to Kazakhstan, whose stored Russian PDF was replaced on disk
    by another real PDF (its English copy), and whose package file was deleted."""
    note = issue(render=True)
    dispatch_to(note, "KAZ")
    files = {f.variant: f for f in RenderedFile.objects.filter(document=note)}
    Path(files["ru"].file.path).write_bytes(files["en"].file.open("rb").read())
    Path(files["package"].file.path).unlink()
    return note


def test_a_changed_or_missing_stored_pdf_is_refused_everywhere_and_never_sent(
    tampered, registrar, delegate_kz
):
    staff, delegate = Client(), Client()
    staff.force_login(registrar)
    delegate.force_login(delegate_kz)
    pk = tampered.pk
    pages = [
        (staff, f"/en/work/{pk}/pdf/ru/", "en"),
        (staff, f"/ru/work/{pk}/pdf/package/", "ru"),
        (delegate, f"/kk/portal/documents/{pk}/pdf/ru/", "kk"),
        (delegate, f"/ru/portal/documents/{pk}/preview/package/", "ru"),
    ]
    for client, url, language in pages:
        before = _refusals()
        response = client.get(url)
        assert response.status_code == 409, url
        assert MESSAGES[language] in response.text, url
        assert b"%PDF" not in _body(response)
        assert _refusals() == before + 1
    for client, url in [(token_client(registrar), f"/api/v1/notes/{pk}/pdf/?lang=ru"),
                        (token_client(delegate_kz), f"/api/v1/notes/{pk}/package/")]:
        response = client.get(url)
        assert response.status_code == 409, url
        assert MESSAGES["en"] in response.json()["detail"]
        assert b"%PDF" not in _body(response)
    assert not Receipt.objects.exists()  # what was refused was not received
    event = AuditEvent.objects.filter(action="stored_file.refused").first()
    assert event.detail["reason"] in ("sha256 mismatch", "missing")
    # The untouched copies are still served, byte for byte.
    kk = RenderedFile.objects.get(document=tampered, variant="kk")
    response = delegate.get(f"/en/portal/documents/{pk}/pdf/kk/")
    assert response.status_code == 200 and _body(response) == kk.file.open("rb").read()


def test_a_changed_uploaded_file_is_neither_served_nor_merged(drafter):
    enclosed = upload_file(drafter)
    Path(enclosed.file.path).write_bytes(house_pdf(text="A forged programme"))
    staff = Client()
    staff.force_login(drafter)
    response = staff.get(f"/kk/work/files/{enclosed.pk}/")
    assert response.status_code == 409 and MESSAGES["kk"] in response.text
    response = token_client(drafter).get(f"/api/v1/files/{enclosed.pk}/pdf/")
    assert response.status_code == 409 and b"%PDF" not in _body(response)
    note = make_note(drafter, enclosures=[enclosed.reference])
    with pytest.raises(RenderError, match="SHA-256"):
        render_one(note, "package")
    assert _refusals() == 3
