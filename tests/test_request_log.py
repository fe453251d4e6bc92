"""The request id and the JSON log lines (LOG_FORMAT=json): one line per request with its
duration, and the ids of the request, the user and the document on every line."""

import io
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from cica_docs.request_log import JsonFormatter, RequestContextFilter
from tests.factories import make_note

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_lines():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestContextFilter())
    loggers = [logging.getLogger("cica_docs.request"), logging.getLogger("cica_docs.test")]
    saved = [(each.level, each.handlers) for each in loggers]
    for each in loggers:
        each.setLevel(logging.INFO)
        each.handlers = [handler]
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for each, (level, handlers) in zip(loggers, saved, strict=True):
        each.setLevel(level)
        each.handlers = handlers


def test_a_document_page_logs_one_json_line_with_the_ids_and_duration(client, drafter,
                                                                      json_lines):
    document = make_note(drafter)
    client.force_login(drafter)
    response = client.get(reverse("documents:detail", args=[document.pk]),
                          HTTP_X_REQUEST_ID="proxy-42")
    assert response.status_code == 200 and response["X-Request-ID"] == "proxy-42"
    [line] = [each for each in json_lines() if each["logger"] == "cica_docs.request"]
    assert line["request_id"] == "proxy-42" and line["status"] == 200
    assert line["user_id"] == drafter.pk and line["document_id"] == document.pk
    assert line["method"] == "GET" and line["duration_ms"] >= 0
    assert line["path"] == reverse("documents:detail", args=[document.pk])


def test_a_request_id_that_is_not_a_plain_token_is_replaced(client, json_lines):
    response = client.get("/en/accounts/login/", HTTP_X_REQUEST_ID="bad id\nforged: line")
    given = response["X-Request-ID"]
    assert len(given) == 32 and "\n" not in given
    [line] = json_lines()
    assert line["request_id"] == given and "user_id" not in line and "document_id" not in line


def test_lines_logged_outside_a_request_carry_no_ids(json_lines):
    try:
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("cica_docs.test").exception("failed %s", "here")
    [line] = json_lines()
    assert line["message"] == "failed here" and line["level"] == "ERROR"
    assert "ValueError: boom" in line["exception"] and "request_id" not in line


def test_an_unknown_log_format_fails_loudly():
    result = subprocess.run([sys.executable, "manage.py", "check"], capture_output=True,
                            text=True, timeout=120, cwd=Path(__file__).parent.parent,
                            env={"PATH": "/usr/bin:/bin", "LOG_FORMAT": "xml"})
    assert result.returncode != 0 and "LOG_FORMAT must be plain or json" in result.stderr
