"""The audit log page for administrators (/manage/audit/): filters, the CSV with the same
rows, a constant number of queries, and the events it newly records — a staff member's PDF
download and a refused staff page."""

import csv
import io

import pytest
from django.test import Client

from cica_docs.accounts import roles
from cica_docs.audit.log import record
from cica_docs.audit.models import AuditEvent
from cica_docs.circulation.models import MemberState
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(make_user("admin.two", roles.ADMIN))
    return client


def _events(n, *, action="series.create", username="clerk"):
    state = MemberState.objects.get(code="KAZ")
    for i in range(n):
        record(action=action, username=f"{username}{i}", state=state, note=f"№ {i}")


def _csv_rows(client, query=""):
    response = client.get(f"/en/manage/audit/?format=csv{query}")
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))[1:]


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_an_administrator_filters_the_log_and_exports_the_same_rows(admin_client, language):
    _events(3, action="list.create", username="alice")
    _events(2, action="series.skip", username="bob")
    page = admin_client.get(f"/{language}/manage/audit/?action=series.skip")
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count("<code>series.skip</code>") == 2 and "alice0" not in text
    rows = _csv_rows(admin_client, "&action=series.skip")
    assert sorted(row[1] for row in rows) == ["bob0", "bob1"]
    assert {row[5] for row in rows} == {"KAZ"}
    assert len(_csv_rows(admin_client, "&user=ali")) == 3


def test_a_wrong_date_range_is_a_message_not_a_500(admin_client):
    page = admin_client.get("/en/manage/audit/?since=2026-05-02&until=2026-05-01")
    assert page.status_code == 200
    assert "The end date is before the start date." in page.content.decode()


def test_the_page_costs_the_same_queries_for_many_events(admin_client,
                                                        django_assert_max_num_queries):
    _events(3)
    with django_assert_max_num_queries(50) as few:
        admin_client.get("/en/manage/audit/")
    _events(40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        admin_client.get("/en/manage/audit/")


def test_a_refused_staff_page_and_a_staff_download_are_logged(drafter, issue, registrar):
    client = Client()
    client.force_login(drafter)
    assert client.get("/en/manage/audit/").status_code == 403
    refused = AuditEvent.objects.filter(action="access.refused").get()
    assert refused.actor == drafter and refused.detail["path"] == "/en/manage/audit/"

    note = issue()  # stand-in PDFs stored, as after the rendering
    client.force_login(registrar)
    assert client.get(f"/en/work/{note.pk}/pdf/en/").status_code == 200
    download = AuditEvent.objects.filter(action="document.pdf_staff").get()
    assert download.actor == registrar and download.target_id == str(note.pk)
    assert download.detail["variant"] == "en"
