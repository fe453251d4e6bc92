"""`manage.py worker`: the task worker — django_tasks_db's `db_worker` with its options —
with a heartbeat for /healthz and the sweep of stale renderings.

    python manage.py worker --queue-name default

A worker killed mid-task (SIGKILL, a power cut) leaves its task RUNNING in the task table
and its rendering RUNNING; nothing in db_worker looks back. This command sweeps
(`issuing.services.sweep_stale_renders`) once as it starts, then every
RENDER_SWEEP_INTERVAL seconds from a background thread, so a rendering left by a dead
worker is retried (or shown failed) without anyone's help; and it records a heartbeat every
HEALTH_HEARTBEAT_SECONDS.
"""

import os

from django.conf import settings
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from cica_docs.health.heartbeat import Heartbeat
from cica_docs.issuing.sweep import Sweeper


class Command(DbWorkerCommand):
    help = ("Run the task worker (renders PDFs, sends notices), recording its heartbeat and "
            "sweeping stale renderings at start and every RENDER_SWEEP_INTERVAL seconds.")

    def handle(self, *args, **options):
        # Under --reload the first process only watches files; the worker runs in a child.
        if options.get("reload") and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            return super().handle(*args, **options)
        heartbeat = Heartbeat().start()
        sweeper = Sweeper(settings.RENDER_SWEEP_INTERVAL).start()
        try:
            return super().handle(*args, **options)
        finally:
            sweeper.stop()
            heartbeat.stop()
