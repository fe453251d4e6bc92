"""The sweep of stale renderings, run by the task worker (`manage.py worker`): once as it
starts, then every few seconds from a background thread of its own."""

import logging
import threading

from django.db import close_old_connections, connection

from .services import sweep_stale_renders

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


class Sweeper:
    def __init__(self, interval: float):
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="render-sweep")

    def start(self) -> "Sweeper":
        sweep_once()
        close_old_connections()
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            sweep_once()
            close_old_connections()
        connection.close()

    def stop(self) -> None:
        self._stop.set()
