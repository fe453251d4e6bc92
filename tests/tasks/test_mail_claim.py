"""A worker killed between claiming an e-mail and the mail server's answer loses nothing.

A real worker (`manage.py worker`, a subprocess on the test database) takes a staff
notification's e-mail and claims it (SENDING); its mail server accepts the connection and
never answers, and the worker is killed with SIGKILL while it waits. The row stays SENDING,
nothing was sent; the sweep leaves it alone within MAIL_SWEEP_GRACE, then queues it again,
and it is sent exactly once — at least once, never lost. On SQLite the in-memory test
database is copied to a file for the worker and back for the assertions."""

import datetime
import signal
import socket
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.utils import timezone

from cica_docs.issuing.sweep import sweep_once
from cica_docs.register import notifications
from cica_docs.register.models import StaffNotification
from tests.factories import make_note
from tests.rendering.test_worker import WorkerDatabase, _wait

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def _mail_of(database, pk):
    query = "SELECT mail, claimed_at FROM register_staffnotification WHERE id = %s"
    if database.sqlite:
        with sqlite3.connect(database.path, timeout=20) as db:
            return db.execute(query.replace("%s", "?"), (pk,)).fetchone()
    with connection.cursor() as cursor:
        cursor.execute(query, [pk])
        return cursor.fetchone()


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_after_the_claim_loses_no_mail(
        reference_data, drafter, reviewer, smtp_server, tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default"]}}
    [notification] = notifications.notify(event=StaffNotification.Event.SUBMITTED,
                                          document=make_note(drafter), recipients=[reviewer])
    assert notification.mail == "queued"
    database = WorkerDatabase(tmp_path)
    database.push()

    silent = socket.socket()  # a mail server that accepts the connection and never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)
    env = {**database.env(), "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(silent.getsockname()[1]),
           "EMAIL_TIMEOUT": "120", "MAIL_SWEEP_GRACE": "3600"}
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--queue-name", "default", "--no-reload",
         "--no-startup-delay", "--interval", "0.2"],
        cwd=django_settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait("the worker claims the e-mail",
              lambda: _mail_of(database, notification.pk)[0] == "sending", seconds=120)
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    finally:
        worker.kill()
        silent.close()
    database.pull()
    claimed = StaffNotification.objects.get(pk=notification.pk)
    assert claimed.mail == "sending" and claimed.claimed_at is not None
    assert smtp_server.messages == []

    settings.TASKS = IMMEDIATE
    sweep_once()  # within the grace: the worker may still be talking to the server
    assert StaffNotification.objects.get(pk=notification.pk).mail == "sending"
    assert smtp_server.messages == []

    long_ago = timezone.now() - datetime.timedelta(seconds=settings.MAIL_SWEEP_GRACE + 1)
    StaffNotification.objects.filter(pk=notification.pk).update(claimed_at=long_ago)
    sweep_once()
    sweep_once()  # claimed again before it is sent: once
    assert [m["To"] for m in smtp_server.messages] == [reviewer.email]
    assert StaffNotification.objects.get(pk=notification.pk).mail == "sent"


@pytest.mark.django_db
def test_the_row_is_sent_only_once_the_server_accepted_it(drafter, reviewer, smtp_server,
                                                          settings):
    settings.TASKS = IMMEDIATE
    smtp_server.stop()  # refused: FAILED with the reason, never SENT
    [refused] = notifications.notify(event=StaffNotification.Event.SUBMITTED,
                                     document=make_note(drafter), recipients=[reviewer])
    notifications.send(refused.pk)
    refused.refresh_from_db()
    assert refused.mail == "failed" and "Connection refused" in refused.mail_error


@pytest.mark.django_db
def test_a_dispatch_notice_claimed_by_a_dead_worker_is_queued_again(
        smtp_server, issue, dispatch_to, delegate_kz, settings):
    from cica_docs.circulation.models import Notice

    settings.TASKS = IMMEDIATE
    dispatch = dispatch_to(issue(), "KAZ", send=False)
    notice = Notice.objects.get(dispatch=dispatch)
    Notice.objects.filter(pk=notice.pk).update(status="sending")  # claimed, then the kill
    sweep_once()
    assert Notice.objects.get(pk=notice.pk).status == "sending"
    long_ago = timezone.now() - datetime.timedelta(seconds=settings.MAIL_SWEEP_GRACE + 1)
    Notice.objects.filter(pk=notice.pk).update(updated_at=long_ago)
    sweep_once()
    assert [m["To"] for m in smtp_server.messages] == [delegate_kz.email]
    assert Notice.objects.get(pk=notice.pk).status == "sent"
