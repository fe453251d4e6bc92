"""The delegate's lists cost a constant number of queries: the portal inbox and
`GET /api/v1/inbox/` make as many for 20 dispatched documents as for 2."""

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
