"""/healthz and `manage.py healthz`: each component down for real (a closed port, a storage
location that cannot exist, no worker), 503 naming it; 200 when all answer."""

import json
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from cica_docs.health.heartbeat import Heartbeat
from cica_docs.health.models import WorkerHeartbeat

ROOT = Path(__file__).resolve().parent.parent.parent
pytestmark = pytest.mark.django_db
CLOSED_PORT = 1  # nothing listens on port 1 of the loopback


@pytest.fixture
def worker_alive():
    WorkerHeartbeat.objects.create(worker="test:1", seen_at=timezone.now())


def _health(client):
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    return response.status_code, response.json()


def test_all_up_answers_200_without_a_login_or_a_language_prefix(client, worker_alive,
                                                                 settings):
    status, body = _health(client)
    assert status == 200, body
    assert body["status"] == "ok" and body["down"] == []
    assert set(body["components"]) == {"database", "storage", "queue", "worker"}
    assert body["components"]["worker"]["heartbeat_age_seconds"] < 60
    # The storage probe leaves nothing behind.
    assert list((Path(settings.MEDIA_ROOT) / "healthz").iterdir()) == []


def test_no_worker_and_a_silent_worker_are_down(client):
    status, body = _health(client)
    assert status == 503 and body["down"] == ["worker"]
    assert body["components"]["worker"] == {"ok": False, "error": "no worker has reported"}
    WorkerHeartbeat.objects.create(worker="test:1", seen_at=timezone.now() - timedelta(hours=1))
    status, body = _health(client)
    assert status == 503 and body["down"] == ["worker"]
    assert body["components"]["worker"]["heartbeat_age_seconds"] >= 3600


def test_unwritable_storage_is_down(client, worker_alive, settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(blocker / "media")},
    }}
    status, body = _health(client)
    assert status == 503 and body["down"] == ["storage"]
    # The kind of error only: no path of the installation.
    assert body["components"]["storage"] == {"ok": False, "error": "NotADirectoryError"}
    assert str(tmp_path) not in json.dumps(body)


@pytest.mark.parametrize(("location", "up"), [
    ("redis://127.0.0.1:6379/0", True),
    (f"redis://127.0.0.1:{CLOSED_PORT}/0", False),
])
def test_the_redis_cache_is_a_component(client, worker_alive, settings, location, up):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": location}}
    status, body = _health(client)
    assert body["components"]["cache"]["ok"] is up
    assert (status, body["down"]) == ((200, []) if up else (503, ["cache"]))


def test_a_database_that_does_not_answer_is_down():
    result = subprocess.run(
        [sys.executable, "manage.py", "healthz"], cwd=ROOT, capture_output=True, text=True,
        timeout=120, env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT),
                          "DATABASE_URL": f"postgres://cica_app@127.0.0.1:{CLOSED_PORT}/none"},
    )
    assert result.returncode == 1, result.stderr
    body = json.loads(result.stdout)
    assert body["components"]["database"] == {"ok": False, "error": "OperationalError"}
    assert "database" in body["down"] and body["components"]["storage"]["ok"]


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_thread_records_the_worker_and_forgets_it_on_a_clean_stop(settings):
    settings.HEALTH_HEARTBEAT_SECONDS = 3600
    WorkerHeartbeat.objects.create(worker="gone:9", seen_at=timezone.now() - timedelta(days=2))
    heartbeat = Heartbeat("test-host:42").start()
    beaten = threading.Event()
    for _ in range(100):
        if WorkerHeartbeat.objects.filter(worker="test-host:42").exists():
            beaten.set()
            break
        threading.Event().wait(0.05)
    heartbeat.stop()
    assert beaten.is_set()
    # A worker gone for a day without a clean stop is forgotten; this one removed its row.
    assert not WorkerHeartbeat.objects.exists()
