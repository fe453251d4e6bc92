"""The Secretariat's reference lists cost a constant number of queries: the delegates and
the circulation lists under /manage/ make as many for 12 rows as for 2."""

import pytest

from cica_docs.circulation.models import CirculationList, MemberState
from tests.conftest import make_user, queries_of

pytestmark = pytest.mark.django_db


def _delegates(start, count):
    for index in range(start, start + count):
        make_user(f"delegate{index}", "delegate", state_code="KAZ")


def _lists(start, count):
    states = list(MemberState.objects.all()[:5])
    for index in range(start, start + count):
        circulation_list = CirculationList.objects.create(name=f"List {index}")
        circulation_list.states.set(states)


@pytest.mark.parametrize("url, add", [("/en/manage/delegates/", _delegates),
                                      ("/en/manage/lists/", _lists)])
def test_a_manage_list_costs_the_same_queries_for_2_and_12_rows(client, admin_user, url, add):
    client.force_login(admin_user)
    add(0, 2)
    few, _response = queries_of(client, url)
    add(2, 10)
    many, response = queries_of(client, url)
    assert "List 11" in response.text or "delegate11" in response.text
    assert many == few
