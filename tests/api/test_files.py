"""Uploaded PDF files through the API: upload, refusal with the reason, enclosing."""

import pytest

from cica_docs.documents.models import EnclosedFile
from tests.factories import foreign_pdf, house_pdf, make_note

from .conftest import token_client

pytestmark = pytest.mark.django_db


def _post(client, data, title="Programme"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("programme.pdf", data, content_type="application/pdf")
    return client.post("/api/v1/files/", {"title": title, "file": upload}, format="multipart")


def test_a_drafter_uploads_a_pdf_and_encloses_it_in_a_note(drafter):
    client = token_client(drafter)
    data = house_pdf(pages=2)
    response = _post(client, data)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["title"], body["pages"], body["fonts_not_embedded"]) == ("Programme", 2, [])
    again = _post(client, data, title="Other")
    assert again.status_code == 200 and again.json()["id"] == body["id"]
    pdf = client.get(f"/api/v1/files/{body['id']}/pdf/")
    stored = EnclosedFile.objects.get(pk=body["id"])
    assert b"".join(pdf.streaming_content) == stored.file.open("rb").read()
    assert body["sha256"] == stored.sha256 and body["size"] == stored.size

    note = make_note(drafter)
    patch = client.patch(f"/api/v1/notes/{note.pk}/", {
        "revision": 1, "enclosures": [{"file": body["id"]}],
    }, format="json")
    assert patch.status_code == 200, patch.content
    assert patch.json()["enclosures"] == [{"file": body["id"]}]
    assert note.revisions.get(number=2).content["enclosures"] == [f"file:{body['id']}"]


@pytest.mark.parametrize("data, message", [
    (b"plain text", "The file is not a PDF."),
    (foreign_pdf(javascript=True), "contains scripts, actions or embedded files"),
])
def test_a_refused_upload_is_400_with_the_reason(drafter, data, message):
    response = _post(token_client(drafter), data)
    assert response.status_code == 400
    assert message in response.json()["errors"]["file"][0]
    assert not EnclosedFile.objects.exists()


def test_enclosing_a_file_that_does_not_exist_is_400(drafter):
    note = make_note(drafter)
    response = token_client(drafter).patch(f"/api/v1/notes/{note.pk}/", {
        "revision": 1, "enclosures": [{"file": 424242}],
    }, format="json")
    assert response.status_code == 400
    assert "PDF file 424242 does not exist." in str(response.json())
    assert note.revisions.count() == 1
