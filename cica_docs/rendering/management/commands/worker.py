"""The task worker: django_tasks_db's `db_worker`, which also takes back stale renderings.

    python manage.py worker --queue-name default   (the options of db_worker)

A worker killed mid-task (SIGKILL, a power cut) leaves its task RUNNING in the task table
and its rendering RUNNING for ever; nothing in db_worker looks back. This command sweeps
(`rendering.services.sweep_stale_renders`) once as it starts, then every
RENDER_SWEEP_INTERVAL seconds from a background thread while the worker runs, so a
rendering left by a dead worker is retried (or shown failed) without anyone's help.
"""

import logging
import os
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from cica_docs.rendering.services import sweep_stale_renders

logger = logging.getLogger("cica_docs.rendering")


def sweep_once() -> None:
    try:
        counts = sweep_stale_renders()
    except Exception:  # a locked or unreachable database: try again at the next sweep
        logger.exception("the sweep of stale renderings failed")
        return
    if any(counts.values()):
        logger.warning("stale renderings taken back: %(stalled)s stalled, %(requeued)s "
                       "re-queued", counts)


def _sweeping(stop: threading.Event, interval: float) -> None:
    while not stop.wait(interval):
        sweep_once()
        close_old_connections()
    connection.close()


class Command(DbWorkerCommand):
    help = ("Run the task worker (db_worker), sweeping stale renderings at start and every "
            "RENDER_SWEEP_INTERVAL seconds.")

    def handle(self, *args, **options):
        # Under --reload the first process only watches files; the worker runs in a child.
        watcher = options.get("reload") and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        if not watcher:
            sweep_once()
            close_old_connections()
            stop = threading.Event()
            threading.Thread(target=_sweeping, args=(stop, settings.RENDER_SWEEP_INTERVAL),
                             daemon=True, name="render-sweep").start()
        return super().handle(*args, **options)
