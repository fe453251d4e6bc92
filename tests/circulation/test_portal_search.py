"""A delegate's search of bodies (documents.search through circulation.selectors.inbox)
finds only what was dispatched to their state, in every language."""

import pytest

from tests.documents.test_search import WATER, found

pytestmark = pytest.mark.django_db


def test_a_delegate_finds_bodies_only_of_documents_sent_to_their_state(
    issue, dispatch_to, delegate_kz, delegate_in, client
):
    for_kaz = issue()
    for_ind = issue(**WATER)
    issue(**WATER)  # dispatched to no one
    dispatch_to(for_kaz, "KAZ")
    dispatch_to(for_ind, "IND")
    client.force_login(delegate_kz)
    assert found(client, "гидрологическими", "/ru/portal/") == []
    assert found(client, "гидрологиялық", "/kk/portal/") == []
    assert found(client, "tentatively", "/en/portal/") == [for_kaz.pk]
    assert found(client, "riparian", "/en/portal/") == []
    client.force_login(delegate_in)
    assert found(client, "гидрологическими", "/ru/portal/") == [for_ind.pk]
    assert found(client, "riparian", "/en/portal/") == [for_ind.pk]
    assert found(client, "гидрологиялық", "/kk/portal/") == [for_ind.pk]
    assert found(client, "tentatively", "/en/portal/") == []
