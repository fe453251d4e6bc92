"""`manage.py worker`: the task worker of the configured backend (settings.TASKS) — with
a heartbeat for /healthz and the sweep of stale renderings.

    python manage.py worker                  # TASKS_BACKEND=db: django_tasks_db's db_worker
    python manage.py worker                  # TASKS_BACKEND=rq: django_rq's rqworker, with
                                             # --job-class django_tasks_rq.Job --with-scheduler

The options are those of the backend's own worker command. Under RQ the job class is
django-tasks-rq's (a plain `rqworker` cannot call a Django task: every job fails) and the
scheduler runs in the worker (a rendering retried after a delay is a scheduled job).

A worker killed mid-task (SIGKILL, a power cut) leaves its rendering RUNNING (and, with
the database backend, its task RUNNING in the task table); nothing in either worker looks
back. This command sweeps (`issuing.services.sweep_stale_renders`) once as it starts,
then every RENDER_SWEEP_INTERVAL seconds from a background thread, so a rendering left by
a dead worker is retried (or shown failed) without anyone's help, and a rendering whose
task never reached the queue (Redis down at the issue) is queued; and it records a
heartbeat every HEALTH_HEARTBEAT_SECONDS.
"""

import os

from django.conf import settings
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

from cica_docs import queue
from cica_docs.health.heartbeat import Heartbeat
from cica_docs.issuing.sweep import Sweeper

RQ_JOB_CLASS = "django_tasks_rq.Job"

if queue.uses_rq():
    from django_rq.management.commands.rqworker import Command as BackendWorker
else:
    from django_tasks_db.management.commands.db_worker import Command as BackendWorker


class Command(BackendWorker):
    help = ("Run the task worker of the configured backend (renders PDFs, sends notices), "
            "recording its heartbeat and sweeping stale renderings at start and every "
            "RENDER_SWEEP_INTERVAL seconds.")

    def handle(self, *args, **options):
        # Under --reload the first process only watches files; the worker runs in a child.
        if options.get("reload") and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            return super().handle(*args, **options)
        if queue.uses_rq():
            options["job_class"] = options.get("job_class") or RQ_JOB_CLASS
            options["with_scheduler"] = True
            args = args or tuple(settings.TASKS["default"]["QUEUES"])
        heartbeat = Heartbeat().start()
        sweeper = Sweeper(settings.RENDER_SWEEP_INTERVAL).start()
        try:
            return super().handle(*args, **options)
        finally:
            sweeper.stop()
            heartbeat.stop()
