"""Lists cost a constant number of queries: the staff work list and the API's document
lists make as many queries for 20 documents (or a page of 50) as for 2 (or a page of 5)."""

import pytest

from cica_docs.documents.status import translation_status
from tests.api.conftest import token_client
from tests.conftest import queries_of
from tests.factories import approved_note, make_concept, make_note

pytestmark = pytest.mark.django_db


def _documents(count, drafter, reviewer):
    """Half notes (every other one approved), half concept papers in two languages."""
    for index in range(count // 2):
        if index % 2:
            approved_note(drafter, reviewer)
        else:
            make_note(drafter)
        make_concept(drafter)


def test_the_work_list_costs_the_same_queries_for_2_and_20_documents(client, drafter, reviewer):
    client.force_login(drafter)
    _documents(2, drafter, reviewer)
    few, _response = queries_of(client, "/en/work/")
    _documents(18, drafter, reviewer)
    many, response = queries_of(client, "/en/work/")
    page = response.context["page"]
    assert len(page) == 20
    assert many == few
    # The statuses computed for the page are the ones each document's page shows.
    for document in page:
        assert document.translation_status == translation_status(document.specific)
    assert {d.translation_status["kk"] for d in page} == {"missing", "complete"}


@pytest.mark.parametrize("path", ["notes", "concept-papers"])
def test_an_api_list_costs_the_same_queries_for_2_and_20_documents(path, drafter, reviewer):
    client = token_client(drafter)
    client.get(f"/api/v1/{path}/")  # the token's first use is not the list's cost
    _documents(4, drafter, reviewer)
    few, _response = queries_of(client, f"/api/v1/{path}/")
    _documents(36, drafter, reviewer)
    many, response = queries_of(client, f"/api/v1/{path}/")
    assert response.json()["count"] == 20
    assert many == few
    small, _response = queries_of(client, f"/api/v1/{path}/?page_size=5")
    large, response = queries_of(client, f"/api/v1/{path}/?page_size=50")
    assert len(response.json()["results"]) == 20 and small == large


def test_an_api_list_item_is_a_summary_and_the_document_has_the_rest(drafter):
    note = make_note(drafter)
    client = token_client(drafter)
    item = client.get("/api/v1/notes/").json()["results"][0]
    detail = client.get(f"/api/v1/notes/{note.pk}/").json()
    assert item["id"] == note.pk and item["title"] == detail["title"]
    assert item["translation_status"] == detail["translation_status"]
    assert {"status", "symbol", "revision", "languages", "series"} <= set(item)
    assert "checks" not in item and "body" not in item
    assert "checks" in detail and "body" in detail
