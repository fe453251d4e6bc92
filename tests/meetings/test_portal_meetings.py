"""The portal's inbox grouped and filtered by meeting or kind of meeting, and what is new
since the delegate's last visit — always inside what reached the delegate's own state."""

import pytest
from django.test import Client

from cica_docs.meetings.models import DocumentMeeting, Meeting, PortalVisit
from tests.conftest import queries_of

pytestmark = pytest.mark.django_db


def meeting(kind="soc", title="SOC", **dates):
    return Meeting.objects.create(kind=kind, title_en=title, title_ru=f"{title} (ru)",
                                  title_kk=f"{title} (kk)", starts_on=dates.get("on", "2026-12-10"),
                                  ends_on=dates.get("on", "2026-12-10"))


def tag(document, meeting, by):
    DocumentMeeting.objects.create(document=document, meeting=meeting, tagged_by=by)


def rows(response):
    return [dispatch.document_id for dispatch in response.context["page"]]


def test_the_inbox_is_filtered_by_meeting_and_kind_of_meeting(
        client, delegate_kz, registrar, issue, dispatch_to):
    soc, summit, elsewhere = meeting("soc", "SOC-12"), meeting("summit", "Summit"), meeting(
        "swg", "SWG only for India")
    for_soc, for_summit, untagged, for_india = issue(), issue(), issue(), issue()
    for document in (for_soc, for_summit, untagged):
        dispatch_to(document, "KAZ")
    dispatch_to(for_india, "IND")
    tag(for_soc, soc, registrar)
    tag(for_summit, summit, registrar)
    tag(for_india, elsewhere, registrar)
    client.force_login(delegate_kz)

    page = client.get("/ru/portal/")
    assert set(rows(page)) == {for_soc.pk, for_summit.pk, untagged.pk}
    assert {m.pk for m in page.context["groups"]} == {soc.pk, summit.pk}  # not India's
    assert "SOC-12 (ru)" in page.text and "SWG only for India" not in page.text

    assert rows(client.get(f"/ru/portal/?meeting={soc.pk}")) == [for_soc.pk]
    assert rows(client.get("/ru/portal/?topic=summit")) == [for_summit.pk]
    # a meeting of documents that did not reach the state filters nothing and is told
    refused = client.get(f"/ru/portal/?meeting={elsewhere.pk}")
    assert refused.status_code == 200 and for_india.pk not in rows(refused)
    assert "Выберите корректный вариант" in refused.text
    assert rows(client.get("/ru/portal/?topic=swg")) == []


def test_new_since_the_last_visit(delegate_kz, issue, dispatch_to):
    first = issue()
    dispatch_to(first, "KAZ")
    session = Client()
    session.force_login(delegate_kz)
    inbox = session.get("/en/portal/")
    assert [d.is_new for d in inbox.context["page"]] == [True]  # first visit: not yet opened
    assert "New since your last visit" in inbox.text
    session.get(f"/en/portal/documents/{first.pk}/")
    assert [d.is_new for d in session.get("/en/portal/").context["page"]] == [False]

    second = issue()
    dispatch_to(second, "KAZ")
    later = Client()  # a new session: a new visit
    later.force_login(delegate_kz)
    inbox = later.get("/en/portal/")
    visit = PortalVisit.objects.get(user=delegate_kz)
    assert visit.previous_at is not None
    assert {d.document_id: d.is_new for d in inbox.context["page"]} == {
        second.pk: True, first.pk: False}
    assert rows(later.get("/en/portal/?new=on")) == [second.pk]
    later.get(f"/en/portal/documents/{second.pk}/")
    assert rows(later.get("/en/portal/?new=on")) == []


def test_a_withdrawal_after_the_last_visit_makes_a_document_new_again(
        delegate_kz, registrar, issue, dispatch_to):
    from cica_docs.documents import services

    note = issue()
    dispatch_to(note, "KAZ")
    session = Client()
    session.force_login(delegate_kz)
    session.get("/en/portal/")
    session.get(f"/en/portal/documents/{note.pk}/")
    services.document_transition(document=note, action="withdraw", by=registrar,
                                 comment="Issued in error.")
    later = Client()
    later.force_login(delegate_kz)
    assert rows(later.get("/en/portal/?new=on")) == [note.pk]


def test_the_inbox_costs_the_same_queries_whatever_its_length(
        client, delegate_kz, registrar, issue, dispatch_to):
    soc = meeting()
    client.force_login(delegate_kz)

    def add(n):
        for _ in range(n):
            document = issue()
            dispatch_to(document, "KAZ")
            tag(document, soc, registrar)

    add(2)
    client.get("/en/portal/")  # the visit row exists from here on
    few, _ = queries_of(client, "/en/portal/")
    add(6)
    many, response = queries_of(client, "/en/portal/")
    assert len(response.context["page"]) == 8
    assert many == few
    filtered, _ = queries_of(client, f"/en/portal/?meeting={soc.pk}&new=on")
    assert filtered <= few + 1
