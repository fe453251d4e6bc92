"""The worker's heartbeat: a daemon thread that records, every HEALTH_HEARTBEAT_SECONDS,
that this worker process is alive (one row per worker in `health.WorkerHeartbeat`).

It has its own database connection (Django's are per thread) and closes it after each beat,
so a database that restarts is simply found again on the next one; a failed beat is logged
and retried, never fatal to the worker. A worker that stops cleanly removes its row.
"""

import logging
import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import connections
from django.utils import timezone

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)
# Rows of workers gone without a clean stop (SIGKILL, a lost machine) are dropped after this.
FORGET_AFTER = timedelta(days=1)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def beat(worker: str) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(worker=worker, defaults={"seen_at": now})
    WorkerHeartbeat.objects.filter(seen_at__lt=now - FORGET_AFTER).delete()


class Heartbeat:
    def __init__(self, worker: str | None = None):
        self.worker = worker or worker_name()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)

    def start(self) -> "Heartbeat":
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                beat(self.worker)
            except Exception:
                logger.exception("Heartbeat of worker %s not recorded", self.worker)
            finally:
                connections.close_all()
            self._stop.wait(settings.HEALTH_HEARTBEAT_SECONDS)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        try:
            WorkerHeartbeat.objects.filter(worker=self.worker).delete()
        except Exception:
            logger.exception("Heartbeat of worker %s not removed", self.worker)
