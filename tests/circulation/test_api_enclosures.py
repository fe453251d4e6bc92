"""The API's inbox lists each enclosure of a dispatched document with its download links,
and downloads one enclosure in one language through the portal's own serving path
(circulation/serving.py `enclosure_pdf_for`): a receipt of the dispatch, 404 elsewhere."""

import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cica_docs.audit.models import AuditEvent
from cica_docs.circulation.models import Receipt
from cica_docs.issuing.models import RenderedFile
from tests.api.conftest import token_client
from tests.factories import approved_concept, house_pdf, pdfs_stored, upload_file

pytestmark = pytest.mark.django_db


def test_the_inbox_lists_each_enclosure_with_its_links(delegate_kz, enclosing, dispatch_to):
    note, _paper, _programme = enclosing
    dispatch_to(note, "KAZ")
    api = token_client(delegate_kz)
    [item] = api.get("/api/v1/inbox/").json()["results"]
    base = f"http://testserver/api/v1/inbox/{note.pk}/enclosures"
    assert [(e["number"], [(f["language"], f["url"]) for f in e["files"]])
            for e in item["enclosures"]] == [
        (1, [("en", f"{base}/1/?lang=en"), ("ru", f"{base}/1/?lang=ru")]),
        (2, [(None, f"{base}/2/")]),
    ]
    assert item["enclosures"][1]["title"] == _programme.title
    detail = api.get(f"/api/v1/inbox/{note.pk}/")
    assert detail.status_code == 200
    assert detail.json()["enclosures"] == item["enclosures"]
    assert detail.json()["id"] == note.pk


def test_a_delegate_downloads_one_enclosure_and_it_is_a_receipt(
        delegate_kz, enclosing, dispatch_to):
    note, paper, programme = enclosing
    dispatch = dispatch_to(note, "KAZ")
    api = token_client(delegate_kz)
    response = api.get(f"/api/v1/inbox/{note.pk}/enclosures/1/?lang=ru")
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    assert data.startswith(b"%PDF")
    assert hashlib.sha256(data).hexdigest() == RenderedFile.objects.get(
        document=paper, variant="ru").sha256
    receipt = Receipt.objects.get(dispatch=dispatch)
    assert (receipt.variant, receipt.mode, receipt.user) == (
        "enclosure1-ru", "download", delegate_kz)

    uploaded = api.get(f"/api/v1/inbox/{note.pk}/enclosures/2/")
    assert uploaded.status_code == 200
    assert hashlib.sha256(b"".join(uploaded.streaming_content)).hexdigest() == programme.sha256
    assert Receipt.objects.filter(dispatch=dispatch).count() == 2


def test_another_state_and_the_secretariat_get_a_404_and_no_receipt(
        delegate_kz, delegate_in, registrar, enclosing, dispatch_to):
    note, _paper, _programme = enclosing
    dispatch_to(note, "IND")
    refused = AuditEvent.objects.filter(action="portal.refused").count()
    for user in (delegate_kz, registrar):
        api = token_client(user)
        assert api.get(f"/api/v1/inbox/{note.pk}/enclosures/1/?lang=ru").status_code == 404
        assert api.get(f"/api/v1/inbox/{note.pk}/").status_code == 404
    assert AuditEvent.objects.filter(action="portal.refused").count() == refused + 4
    assert not Receipt.objects.filter(document=note).exists()
    # The state it went to gets it.
    assert token_client(delegate_in).get(
        f"/api/v1/inbox/{note.pk}/enclosures/1/?lang=ru").status_code == 200


@pytest.mark.parametrize("url", [
    "1/?lang=kk",  # a language the paper was not issued in
    "1/",          # a document enclosure needs its language
    "2/?lang=ru",  # an uploaded PDF has none
    "3/", "0/", "x/", f"{10**30}/",
])
def test_an_enclosure_that_does_not_exist_is_a_clear_answer_and_no_receipt(
        delegate_kz, enclosing, dispatch_to, url):
    note, _paper, _programme = enclosing
    dispatch_to(note, "KAZ")
    response = token_client(delegate_kz).get(f"/api/v1/inbox/{note.pk}/enclosures/{url}")
    assert response.status_code in (400, 404) and response["Content-Type"].startswith(
        "application/json")
    assert not Receipt.objects.filter(document=note).exists()


def test_the_inbox_costs_the_same_queries_for_1_and_3_documents_with_enclosures(
        delegate_kz, drafter, reviewer, issue, dispatch_to):
    def enclosed_note():
        paper = approved_concept(drafter, reviewer, languages=("en", "ru"))
        programme = upload_file(drafter, house_pdf("Programme"))
        note = issue(enclosures=[paper.pk, programme.reference])
        pdfs_stored(paper)
        dispatch_to(note, "KAZ")

    api = token_client(delegate_kz)

    def count():
        with CaptureQueriesContext(connection) as captured:
            response = api.get("/api/v1/inbox/")
        assert response.status_code == 200
        return len(captured), response.json()

    enclosed_note()
    few, _data = count()
    enclosed_note()
    enclosed_note()
    many, data = count()
    assert len(data["results"]) == 3 and all(len(r["enclosures"]) == 2 for r in data["results"])
    assert many == few
