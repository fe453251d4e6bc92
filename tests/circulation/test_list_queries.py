"""The delegate's lists cost a constant number of queries: the portal inbox and
`GET /api/v1/inbox/` make as many for 20 dispatched documents as for 2, and as many for a
deep page reached by cursor as for the first."""

import re
from html import unescape

import pytest

from tests.api.conftest import token_client
from tests.conftest import queries_of

pytestmark = pytest.mark.django_db


def _dispatched(count, issue, dispatch_to, series):
    for _index in range(count):
        dispatch_to(issue(series=series), "KAZ")


@pytest.fixture
def series():
    from cica_docs.documents.models import Series

    return Series.objects.create(code="NCT/QC")


def test_the_portal_inbox_costs_the_same_queries_for_2_and_20_documents(
        client, delegate_kz, issue, dispatch_to, series):
    client.force_login(delegate_kz)
    _dispatched(2, issue, dispatch_to, series)
    client.get("/en/portal/")  # the session's first view starts a visit (its own writes)
    few, _response = queries_of(client, "/en/portal/")
    _dispatched(18, issue, dispatch_to, series)
    many, response = queries_of(client, "/en/portal/")
    assert len(response.context["page"]) == 20
    assert many == few
    few_found, _response = queries_of(client, "/en/portal/?q=QC")
    assert few_found == few


def test_the_api_inbox_costs_the_same_queries_for_2_and_20_documents(
        delegate_kz, issue, dispatch_to, series):
    client = token_client(delegate_kz)
    client.get("/api/v1/inbox/")
    _dispatched(2, issue, dispatch_to, series)
    few, _response = queries_of(client, "/api/v1/inbox/")
    _dispatched(18, issue, dispatch_to, series)
    many, response = queries_of(client, "/api/v1/inbox/")
    items = response.json()["results"]
    assert len(items) == 20 and all(item["symbol"].startswith("NCT/QC/") for item in items)
    assert many == few


def test_a_deep_page_of_the_delegate_inbox_costs_the_queries_of_the_first(
        client, delegate_kz, issue, dispatch_to, monkeypatch):
    from cica_docs.circulation.portal import views

    monkeypatch.setattr(views, "PER_PAGE", 2)
    for _index in range(5):
        dispatch_to(issue(), "KAZ")
    client.force_login(delegate_kz)
    client.get("/en/portal/")  # the session's first view starts a visit (its own writes)
    first, response = queries_of(client, "/en/portal/")
    seen = [d.document_id for d in response.context["page"]]
    while (found := re.search(r'href="\?([^"]*cursor=[^"]+)">Next<', response.text)):
        deep, response = queries_of(client, "/en/portal/?" + unescape(found.group(1)))
        assert deep == first
        seen += [d.document_id for d in response.context["page"]]
    assert len(seen) == len(set(seen)) == 5
    assert response.context["page"].number == 3


def test_the_api_inbox_pages_by_cursor(delegate_kz, issue, dispatch_to):
    for _index in range(3):
        dispatch_to(issue(), "KAZ")
    client = token_client(delegate_kz)
    body = client.get("/api/v1/inbox/?page_size=2").json()
    assert "cursor=" in body["next"]
    rest = client.get(body["next"]).json()
    ids = [item["id"] for item in body["results"] + rest["results"]]
    assert len(set(ids)) == 3 and rest["next"] is None
