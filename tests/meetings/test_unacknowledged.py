"""The delegation's view of what reached its state and is still not acknowledged, with the
members of the delegation who already opened or downloaded it."""

import pytest

from cica_docs.circulation import dispatching
from cica_docs.circulation.models import Dispatch
from tests.conftest import make_user, queries_of

pytestmark = pytest.mark.django_db


def test_what_is_still_unacknowledged_and_by_whom_it_was_received(
        client, delegate_kz, delegate_in, issue, dispatch_to):
    colleague = make_user("delegate.kz.2", "delegate", state_code="KAZ", first_name="Aliya",
                          last_name="Nurova")
    acknowledged, downloaded, untouched, for_india = issue(), issue(), issue(), issue()
    for document in (acknowledged, downloaded, untouched):
        dispatch_to(document, "KAZ")
    dispatch_to(for_india, "IND")
    dispatching.receipt_acknowledge(dispatch=Dispatch.objects.get(document=acknowledged),
                                    user=delegate_kz)
    client.force_login(colleague)
    client.get(f"/en/portal/documents/{downloaded.pk}/pdf/en/")
    client.force_login(delegate_kz)
    page = client.get("/ru/portal/unacknowledged/")
    assert [d.document_id for d in page.context["page"]] == [downloaded.pk, untouched.pk]
    rows = {d.document_id: d.received_by for d in page.context["page"]}
    assert rows == {downloaded.pk: ["Aliya Nurova"], untouched.pk: []}
    assert "Пока никто" in page.text and "Aliya Nurova" in page.text
    # India's delegate sees only India's
    client.force_login(delegate_in)
    page = client.get("/en/portal/unacknowledged/")
    assert [d.document_id for d in page.context["page"]] == [for_india.pk]


def test_its_query_count_does_not_grow_with_rows(client, delegate_kz, issue, dispatch_to):
    client.force_login(delegate_kz)
    for _ in range(2):
        dispatch_to(issue(), "KAZ")
    few, _ = queries_of(client, "/en/portal/unacknowledged/")
    for _ in range(5):
        dispatch_to(issue(), "KAZ")
    many, response = queries_of(client, "/en/portal/unacknowledged/")
    assert len(response.context["page"]) == 7 and many == few
