"""What /healthz and `manage.py healthz` report: each component's state, no data.

Each probe returns a small dict with "ok"; a failure names only the kind of error (the
details go to the log), so the answer tells nothing about the installation to a stranger.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections
from django.utils import timezone

from cica_docs import queue

logger = logging.getLogger(__name__)


def _database() -> dict:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def _storage() -> dict:
    payload = uuid.uuid4().hex.encode()
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.probe", ContentFile(payload))
    try:
        with default_storage.open(name, "rb") as handle:
            if handle.read() != payload:
                raise OSError("the probe object read back differs from what was written")
    finally:
        default_storage.delete(name)
    return {}


def _queue() -> dict:
    queue.ping()
    return {}


def _cache() -> dict:
    cache = caches["default"]
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, 1, timeout=10)
    if cache.get(key) != 1:
        raise OSError("the cache did not return the probe value")
    cache.delete(key)
    return {}


def _worker() -> dict:
    from .models import WorkerHeartbeat

    last = WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True)[:1]
    if not last:
        return {"ok": False, "error": "no worker has reported"}
    age = (timezone.now() - last[0]).total_seconds()
    ok = age <= settings.HEALTH_WORKER_MAX_AGE
    return {"ok": ok, "heartbeat_age_seconds": round(age, 1),
            **({} if ok else {"error": "no heartbeat recently"})}


def components() -> dict:
    probes = {"database": _database, "storage": _storage, "queue": _queue}
    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        probes["cache"] = _cache
    probes["worker"] = _worker
    report = {}
    for name, probe in probes.items():
        try:
            report[name] = {"ok": True, **probe()}
        except Exception as error:
            logger.warning("Health: %s is down: %r", name, error)
            report[name] = {"ok": False, "error": type(error).__name__}
    return report


def health() -> tuple[bool, dict]:
    report = components()
    down = [name for name, state in report.items() if not state["ok"]]
    return not down, {"status": "down" if down else "ok", "down": down, "components": report}
