"""The sweep of work whose task was lost (stale renderings, e-mail left queued), run by the
task worker (`manage.py worker`): once as it starts, then every RENDER_SWEEP_INTERVAL
seconds from a background thread of its own."""

import logging
import threading

from django.db import close_old_connections, connection

from .services import sweep_stale_renders

logger = logging.getLogger("cica_docs.rendering")


def _renders() -> str:
    counts = sweep_stale_renders()
    if any(counts.values()):
        return (f"stale renderings taken back: {counts['stalled']} stalled, "
                f"{counts['requeued']} re-queued")
    return ""


def _mail() -> str:
    from cica_docs.circulation.dispatching import requeue_lost_notices
    from cica_docs.register.mail import requeue_lost_mail

    notices, mail = requeue_lost_notices(), requeue_lost_mail()
    if notices or mail:
        return f"lost e-mail queued again: {notices} notices, {mail} notifications"
    return ""


# What the worker sweeps: work whose task a dead worker or a queue outage lost.
SWEEPS = (("renderings", _renders), ("e-mail", _mail))


def sweep_once() -> None:
    for name, sweep in SWEEPS:
        try:
            found = sweep()
        except Exception:  # a locked or unreachable database or queue: the next sweep
            logger.exception("the sweep of stale %s failed", name)
            continue
        if found:
            logger.warning("%s", found)


class Sweeper:
    def __init__(self, interval: float):
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="sweep")

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
