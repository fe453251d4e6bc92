"""The engine switches of settings.py, each loaded in a fresh process as a server starts:
SENTRY_DSN initialises sentry-sdk only when set; TASKS_BACKEND picks db or rq (with
REDIS_URL) and refuses anything else with its reason."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import json, django
django.setup()
from django.conf import settings
import sentry_sdk
print(json.dumps({"sentry": sentry_sdk.get_client().is_active(),
                  "dsn": sentry_sdk.get_client().dsn,
                  "tasks": settings.TASKS["default"]["BACKEND"],
                  "rq_apps": "django_rq" in settings.INSTALLED_APPS}))
"""
ENGINE_VARIABLES = ("SENTRY_DSN", "TASKS_BACKEND", "REDIS_URL")


def _load(**env):
    base = {k: v for k, v in os.environ.items() if k not in ENGINE_VARIABLES}
    return subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                          text=True, timeout=60,
                          env={**base, "DJANGO_SETTINGS_MODULE": "cica_docs.settings", **env})


def test_without_the_variables_no_sentry_and_the_database_queue():
    result = _load()
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"sentry": False, "dsn": None, "rq_apps": False,
                                         "tasks": "django_tasks_db.DatabaseBackend"}


def test_sentry_dsn_initialises_sentry_and_rq_selects_django_tasks_rq():
    dsn = "https://public@127.0.0.1:1/42"
    result = _load(SENTRY_DSN=dsn, TASKS_BACKEND="rq", REDIS_URL="redis://127.0.0.1:1/3")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"sentry": True, "dsn": dsn, "rq_apps": True,
                                         "tasks": "django_tasks_rq.RQBackend"}


@pytest.mark.parametrize("env, reason", [
    ({"TASKS_BACKEND": "rq"}, "TASKS_BACKEND=rq needs REDIS_URL"),
    ({"TASKS_BACKEND": "celery"}, "TASKS_BACKEND must be db or rq, not 'celery'"),
])
def test_a_wrong_tasks_backend_stops_the_start_with_its_reason(env, reason):
    result = _load(**env)
    assert result.returncode != 0 and reason in result.stderr
