"""Each enclosure of a dispatched note on its own, per language (an uploaded PDF as it is),
through the one serving path: only through a dispatch to the delegate's state, each file a
receipt of that dispatch."""

import hashlib

import pytest
from django.utils import translation

from cica_docs.audit.models import AuditEvent
from cica_docs.circulation.models import Receipt
from cica_docs.circulation.receipts import dispatch_matrix
from cica_docs.issuing.models import RenderedFile

pytestmark = pytest.mark.django_db


def test_a_delegate_downloads_one_enclosure_in_russian_and_it_is_a_receipt(
        client, delegate_kz, enclosing, dispatch_to):
    note, paper, programme = enclosing
    dispatch = dispatch_to(note, "KAZ")
    client.force_login(delegate_kz)
    page = client.get(f"/ru/portal/documents/{note.pk}/")
    assert page.status_code == 200
    assert f"/ru/portal/documents/{note.pk}/enclosures/1/ru/" in page.text
    assert f"/ru/portal/documents/{note.pk}/enclosures/2/" in page.text
    assert "Приложение 1" in page.text

    response = client.get(f"/ru/portal/documents/{note.pk}/enclosures/1/ru/")
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    stored = RenderedFile.objects.get(document=paper, variant="ru")
    assert hashlib.sha256(data).hexdigest() == stored.sha256
    receipt = Receipt.objects.get(dispatch=dispatch)
    assert (receipt.variant, receipt.mode, receipt.document_id) == (
        "enclosure1-ru", "download", note.pk)

    uploaded = client.get(f"/ru/portal/documents/{note.pk}/enclosures/2/")
    assert hashlib.sha256(b"".join(uploaded.streaming_content)).hexdigest() == programme.sha256
    [row] = dispatch_matrix(dispatch)
    assert row.status == "downloaded"
    with translation.override("en"):
        labels = row.variant_labels
    assert sorted(labels) == ["Enclosure 1, Russian", "Enclosure 2"]


def test_an_enclosure_is_reached_only_through_a_dispatch_to_the_state(
        client, delegate_kz, delegate_in, enclosing, dispatch_to):
    note, paper, _programme = enclosing
    dispatch_to(note, "IND")
    dispatch_to(paper, "KAZ")  # the paper itself, on its own, reached Kazakhstan
    client.force_login(delegate_kz)
    refused_before = AuditEvent.objects.filter(action="portal.refused").count()
    for url in (f"/en/portal/documents/{note.pk}/enclosures/1/ru/",
                f"/en/portal/documents/{note.pk}/enclosures/2/"):
        assert client.get(url).status_code == 404
    assert AuditEvent.objects.filter(action="portal.refused").count() == refused_before + 2
    assert not Receipt.objects.filter(state__code="KAZ", document=note).exists()


@pytest.mark.parametrize("url", [
    "enclosures/1/kk/",  # a language the paper was not issued in
    "enclosures/1/",     # a document enclosure needs its language
    "enclosures/2/ru/",  # an uploaded PDF has none
    "enclosures/3/",     # no third enclosure
    "enclosures/0/",
])
def test_an_enclosure_that_does_not_exist_is_a_404_and_no_receipt(
        client, delegate_kz, enclosing, dispatch_to, url):
    note, _paper, _programme = enclosing
    dispatch_to(note, "KAZ")
    client.force_login(delegate_kz)
    assert client.get(f"/en/portal/documents/{note.pk}/{url}").status_code == 404
    assert not Receipt.objects.filter(document=note).exists()
