"""A document given to a colleague with a due date: in the assignee's queue and, overdue
first, in every queue; the assignee notified; audited; only reviewers and registrars."""

import datetime

import pytest
from django.utils import timezone

from cica_docs.audit.models import AuditEvent
from cica_docs.meetings.models import Meeting
from cica_docs.register import queues
from cica_docs.register.models import Assignment, StaffNotification
from tests.factories import approved_note, make_note

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_registrar_assigns_a_document_for_a_meeting_and_the_assignee_is_told(
        client, registrar, reviewer, drafter, language):
    note = approved_note(drafter, reviewer)
    soc = Meeting.objects.create(kind="soc", title_en="SOC", title_ru="КСДЛ", title_kk="АЛТК",
                                 starts_on="2026-12-10", ends_on="2026-12-11")
    client.force_login(registrar)
    page = client.get(f"/{language}/work/{note.pk}/")
    assert f"/{language}/register/assign/{note.pk}/" in page.text
    response = client.post(f"/{language}/register/assign/{note.pk}/",
                           {"assignee": reviewer.pk, "meeting": soc.pk, "due_on": ""})
    assert response.status_code == 302
    assignment = Assignment.objects.get(document=note)
    assert (assignment.assignee, assignment.due_on) == (reviewer, datetime.date(2026, 12, 10))
    told = StaffNotification.objects.get(recipient=reviewer, event="assigned")
    assert told.actor == registrar and told.comment == "2026-12-10"
    assert AuditEvent.objects.filter(action="document.assign").count() == 1
    client.force_login(reviewer)
    work = client.get("/ru/my-work/")
    assert "Назначено мне" in work.text and "10 декабря 2026" in work.text
    notices = client.get("/kk/notifications/")
    assert "2026 жылғы 10 желтоқсан" in notices.text


def test_bad_input_is_told_and_changes_nothing(client, registrar, drafter, reviewer):
    note = make_note(drafter)
    client.force_login(registrar)
    response = client.post(f"/ru/register/assign/{note.pk}/",
                           {"assignee": "999999999", "due_on": "31.02.2026"}, follow=True)
    assert response.status_code == 200
    assert not Assignment.objects.exists()
    assert "Назначить" in response.text  # the page, with the messages
    assert len(list(response.context["messages"])) == 2


def test_overdue_items_come_first_in_every_queue(drafter, reviewer, registrar):
    waiting_longest, overdue, later = (approved_note(drafter, reviewer) for _ in range(3))
    today = timezone.localdate()
    from cica_docs.register.assignments import assign

    assign(document=overdue, assignee=registrar, due_on=today - datetime.timedelta(days=1),
           by=reviewer)
    assign(document=later, assignee=registrar, due_on=today + datetime.timedelta(days=5),
           by=reviewer)
    ready = [d.pk for d in queues.queue_items("ready", registrar)]
    assert ready == [overdue.pk, later.pk, waiting_longest.pk]
    assigned = [d.pk for d in queues.queue_items("assigned", registrar)]
    assert assigned == [overdue.pk, later.pk]
    assert queues.queue_counts(registrar)["assigned"] == 2
    assign(document=later, assignee=None, by=reviewer)
    assert [d.pk for d in queues.queue_items("assigned", registrar)] == [overdue.pk]


def test_a_drafter_cannot_assign(client, drafter, reviewer):
    note = make_note(drafter)
    client.force_login(drafter)
    assert client.post(f"/en/register/assign/{note.pk}/",
                       {"assignee": reviewer.pk}).status_code == 403
    assert not Assignment.objects.exists()
