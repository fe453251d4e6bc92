"""A real worker (`manage.py worker`, a subprocess on the test database) killed with
SIGKILL mid-render: its render child dies with it, and the next worker's sweep takes the
rendering back and renders it to READY. On SQLite the in-memory test database is copied to
a file for the workers and back for the assertions."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from django.conf import settings as django_settings
from django.db import connection

from cica_docs.documents import services
from cica_docs.issuing.models import RenderedFile, Rendering
from tests.factories import approved_note

# transactional (the worker is another process); the data that migrations load is put back
# by `reference_data`, since an earlier transactional test may have flushed it.
pytestmark = pytest.mark.django_db(transaction=True)


class WorkerDatabase:
    """The test database as a subprocess reaches it."""

    def __init__(self, tmp_path):
        self.sqlite = connection.vendor == "sqlite"
        self.path = tmp_path / "worker.sqlite3"

    def env(self) -> dict:
        env = {key: value for key, value in os.environ.items()
               if key not in ("DATABASE_OWNER_URL", "DJANGO_SETTINGS_MODULE")}
        if self.sqlite:
            url = f"sqlite:///{self.path}"
        else:
            db = django_settings.DATABASES["default"]
            url = (f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
                   f"{db['PORT'] or 5432}/{db['NAME']}")
        return {**env, "DATABASE_URL": url, "MEDIA_ROOT": str(django_settings.MEDIA_ROOT)}

    def push(self):
        if self.sqlite:
            connection.ensure_connection()
            with sqlite3.connect(self.path) as target:
                connection.connection.backup(target)

    def pull(self):
        if self.sqlite:
            with sqlite3.connect(self.path) as source:
                source.backup(connection.connection)

    def rendering(self, document_id) -> tuple:
        query = ("SELECT status, render_pid, attempts FROM rendering_rendering "
                 "WHERE document_id = %s")
        if self.sqlite:
            with sqlite3.connect(self.path, timeout=20) as db:
                return db.execute(query.replace("%s", "?"), (document_id,)).fetchone()
        with connection.cursor() as cursor:
            cursor.execute(query, [document_id])
            return cursor.fetchone()


def _worker(database):
    env = {**database.env(), "PDF_RENDER_TIMEOUT": "8", "PDF_RENDER_TIMEOUT_PER_KB": "0",
           "RENDER_STALE_GRACE": "0", "RENDER_SWEEP_INTERVAL": "0.5",
           "RENDER_RETRY_DELAYS": "0"}
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--queue-name", "default", "--no-reload",
         "--no-startup-delay", "--interval", "0.2"],
        cwd=django_settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def _wait(what, condition, *, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"{what} within {seconds} s")


def _dead(pid) -> bool:
    try:
        with open(f"/proc/{pid}/status") as status:
            return any(line.startswith("State:\tZ") for line in status)
    except FileNotFoundError:
        return True


def test_a_worker_killed_mid_render_is_recovered_by_the_next_workers_sweep(
    reference_data, drafter, reviewer, registrar, tmp_path, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default"]}}
    note = approved_note(drafter, reviewer, languages=("en",))
    services.document_issue(document=note, by=registrar)  # queued in the task table
    database = WorkerDatabase(tmp_path)
    database.push()

    first = _worker(database)
    try:
        _, child, _ = _wait("the first worker starts rendering", lambda: (
            (row := database.rendering(note.pk)) and row[0] == "running" and row[1] and row
        ), seconds=120)
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        first.kill()
    _wait("the render child dies with its worker", lambda: _dead(child), seconds=5)
    assert database.rendering(note.pk)[0] == "running"  # left behind, as a killed worker does

    second = _worker(database)
    try:
        _wait("the second worker renders it", lambda: database.rendering(note.pk)[0] == "ready",
              seconds=120)
    finally:
        second.send_signal(signal.SIGTERM)
        _, errors = second.communicate(timeout=30)
    database.pull()
    ready = Rendering.objects.get(document=note)
    assert (ready.status, ready.attempts, ready.error) == ("ready", 2, "")
    assert RenderedFile.objects.filter(document=note).count() == 2
    from django_tasks_db.models import DBTaskResult

    statuses = sorted(DBTaskResult.objects.filter(task_path__endswith=".render_issued")
                      .values_list("status", flat=True))
    assert statuses == ["FAILED", "SUCCESSFUL"], errors.decode()  # the killed one failed
    assert b"stale renderings taken back: 1 stalled" in errors
