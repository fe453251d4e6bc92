"""The remaining lists cost a constant number of queries (issue 14): the member-state list,
the series page, a dispatch's receipts (page and API), a document's revisions (history page
and API) and the API's reference lists make as many queries for many rows as for few."""

import pytest

from cica_docs.circulation import dispatching
from cica_docs.circulation.models import CirculationList, MemberState, Receipt
from cica_docs.documents import services
from cica_docs.documents.content import snapshot
from cica_docs.documents.models import Series
from cica_docs.letterhead.models import Addressee
from tests.api.conftest import token_client
from tests.conftest import make_user, queries_of
from tests.factories import make_note

pytestmark = pytest.mark.django_db


def _states(start, count):
    for index in range(start, start + count):
        MemberState.objects.create(code=f"T{index:02}", name=f"State {index}",
                                   full_name=f"The State {index}")


def _series(start, count):
    for index in range(start, start + count):
        Series.objects.create(code=f"TS/{index}", name=f"Series {index}")


def _addressees(start, count):
    for index in range(start, start + count):
        Addressee.objects.create(code=f"addressee-{index}", dative=f"Addressee {index}",
                                 block=f"Addressee {index}")


def _lists(start, count):
    states = list(MemberState.objects.all()[:3])
    for index in range(start, start + count):
        CirculationList.objects.create(name=f"List {index}").states.set(states)


@pytest.mark.parametrize("url, add, shown", [
    ("/en/manage/states/", _states, "State 11"),
    ("/en/manage/series/", _series, "TS/11"),
])
def test_a_reference_page_costs_the_same_queries_for_few_and_many_rows(
    client, admin_user, url, add, shown
):
    client.force_login(admin_user)
    add(0, 2)
    few, _response = queries_of(client, url)
    add(2, 10)
    many, response = queries_of(client, url)
    assert shown in response.text
    assert many == few


@pytest.mark.parametrize("path, add", [("member-states", _states), ("series", _series),
                                       ("addressees", _addressees),
                                       ("circulation-lists", _lists)])
def test_an_api_reference_list_costs_the_same_queries_for_few_and_many_rows(
    registrar, path, add
):
    client = token_client(registrar)
    client.get(f"/api/v1/{path}/")  # the token's first use is not the list's cost
    add(0, 2)
    few, _response = queries_of(client, f"/api/v1/{path}/")
    add(2, 10)
    many, response = queries_of(client, f"/api/v1/{path}/")
    assert response.json()["count"] >= 12
    assert many == few
    small, _response = queries_of(client, f"/api/v1/{path}/?page_size=2")
    assert small == many


def _revisions(note, author, count):
    for _index in range(count):
        note.refresh_from_db()
        content = snapshot(note)
        for lang in ("en", "ru", "kk"):
            content["fields"]["place"][lang] += "."
        services.revision_create(document=note, author=author, content=content,
                                 base_revision=note.revision_number)


def test_a_document_s_revisions_cost_the_same_queries_for_2_and_12(client, drafter):
    note = make_note(drafter)
    _revisions(note, drafter, 1)
    client.force_login(drafter)
    api = token_client(drafter)
    api.get(f"/api/v1/notes/{note.pk}/revisions/")
    few_page, _response = queries_of(client, f"/en/work/{note.pk}/history/")
    few_api, _response = queries_of(api, f"/api/v1/notes/{note.pk}/revisions/")
    _revisions(note, drafter, 10)
    many_page, response = queries_of(client, f"/en/work/{note.pk}/history/")
    many_api, api_response = queries_of(api, f"/api/v1/notes/{note.pk}/revisions/")
    assert api_response.json()["count"] == 12 and "12" in response.text
    assert (many_page, many_api) == (few_page, few_api)


def _receipts(dispatch, delegates):
    for delegate in delegates:
        dispatching.receipt_create(dispatch=dispatch, user=delegate, variant="en",
                                   mode=Receipt.Mode.DOWNLOAD)
        dispatching.receipt_acknowledge(dispatch=dispatch, user=delegate)


def test_a_dispatch_s_receipts_cost_the_same_queries_for_2_and_12_states(
    client, registrar, issue, dispatch_to
):
    codes = list(MemberState.objects.order_by("code").values_list("code", flat=True)[:12])
    delegates = [make_user(f"delegate.{code.lower()}", "delegate", state_code=code)
                 for code in codes]
    few_note, many_note = issue(), issue()
    few_dispatch = dispatch_to(few_note, *codes[:2])
    many_dispatch = dispatch_to(many_note, *codes)
    _receipts(few_dispatch, delegates[:2])
    _receipts(many_dispatch, delegates)
    client.force_login(registrar)
    api = token_client(registrar)
    api.get(f"/api/v1/notes/{few_note.pk}/receipts/")
    few_page, _response = queries_of(client, f"/en/circulation/dispatches/{few_dispatch.pk}/")
    many_page, response = queries_of(client, f"/en/circulation/dispatches/{many_dispatch.pk}/")
    few_api, _response = queries_of(api, f"/api/v1/notes/{few_note.pk}/receipts/")
    many_api, api_response = queries_of(api, f"/api/v1/notes/{many_note.pk}/receipts/")
    assert api_response.json()["count"] == 24
    assert len(response.context["rows"]) == 12
    assert (many_page, many_api) == (few_page, few_api)
