"""E-mail written while the queue is down (Redis stopped): the dispatch and the workflow
step commit, their e-mail stays queued in the database, and the worker's sweep queues it
again once it has waited MAIL_SWEEP_GRACE seconds — each message still sent once."""

import datetime

import pytest
from django.utils import timezone

from cica_docs.circulation.models import Notice
from cica_docs.documents import services
from cica_docs.issuing.sweep import sweep_once
from cica_docs.register.models import StaffNotification
from tests.factories import make_note
from tests.smtp import free_port

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def _queue_down(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": f"redis://127.0.0.1:{free_port()}/0"}}


def test_mail_left_queued_by_a_queue_outage_is_swept_and_sent_once(
        smtp_server, issue, dispatch_to, delegate_kz, drafter, reviewer, settings, caplog,
        django_capture_on_commit_callbacks):
    note = issue()
    draft = make_note(drafter)
    before = len(smtp_server.messages)  # the issue's own notifications, sent at once
    _queue_down(settings)
    dispatch = dispatch_to(note, "KAZ", send=True)  # committed; the enqueue fails
    with django_capture_on_commit_callbacks(execute=True):
        services.document_transition(document=draft, action="submit", by=drafter)
    assert "could not be queued" in caplog.text
    notice = Notice.objects.get(dispatch=dispatch)
    assert notice.status == "queued"
    staff = StaffNotification.objects.get(recipient=reviewer, document=draft)
    assert staff.mail == "queued"
    assert len(smtp_server.messages) == before

    settings.TASKS = IMMEDIATE  # the queue is back
    sweep_once()  # too early: they may still be on their way
    assert len(smtp_server.messages) == before
    waited = timezone.now() - datetime.timedelta(seconds=settings.MAIL_SWEEP_GRACE + 1)
    Notice.objects.filter(pk=notice.pk).update(updated_at=waited)
    StaffNotification.objects.filter(pk=staff.pk).update(created_at=waited)
    sweep_once()
    sweep_once()  # queued twice over: claimed before sending, so sent once
    assert sorted(m["To"] for m in smtp_server.messages[before:]) == [
        delegate_kz.email, reviewer.email]
    assert Notice.objects.get(pk=notice.pk).status == "sent"
    assert StaffNotification.objects.get(pk=staff.pk).mail == "sent"
