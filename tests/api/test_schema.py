"""The published OpenAPI description, run against the live app by schemathesis.

Every operation of /api/v1/openapi.json gets generated requests, valid ones and invalid
ones, through the WSGI application in this process (no network). Each response must be no
server error, have a status code, content type and body that the schema declares. Requests
that name a document are sent twice: with the generated id and with a real draft's id, so
the bodies reach the validation and the services, not only the 404.
"""

import time
from collections import Counter

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import make_note

from .conftest import token_client

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
EXAMPLES = {GenerationMode.POSITIVE: 25, GenerationMode.NEGATIVE: 10}


@pytest.fixture
def wsgi_app():
    # As Django's test client does: a request must not close the test's database connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _exercise(operation, mode, headers, note, examples):
    """Send EXAMPLES[mode] generated requests of `operation`; raise on the first failure."""

    @settings(max_examples=EXAMPLES[mode], deadline=None, database=None, derandomize=True,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        examples[mode] += 1
        case.call_and_validate(headers=headers, checks=CHECKS)
        if case.path_parameters and "id" in case.path_parameters:
            real = {"id": str(note.pk)}
            if "number" in case.path_parameters:
                real["number"] = "1"
            case.path_parameters = {**case.path_parameters, **real}
            examples[mode] += 1
            case.call_and_validate(headers=headers, checks=CHECKS)

    try:
        run()
    except Unsatisfiable:
        # Nothing in the operation can be made invalid (e.g. only a free-text path segment).
        assert mode == GenerationMode.NEGATIVE


SHARES = 4  # the operations in four tests, which the suite's processes share


@pytest.mark.parametrize("share", range(SHARES))
def test_the_published_schema_holds_for_generated_requests(wsgi_app, admin_user, drafter,
                                                            share):
    token_client(admin_user)  # creates the token
    headers = {"Authorization": f"Token {admin_user.auth_token.key}"}
    note = make_note(drafter)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 17
    operations = operations[share::SHARES]
    examples, started = Counter(), time.monotonic()

    for operation in operations:
        for mode in EXAMPLES:
            _exercise(operation, mode, headers, note, examples)

    elapsed = time.monotonic() - started
    print(f"schemathesis, share {share}: {len(operations)} operations, "
          f"{sum(examples.values())} requests ({examples[GenerationMode.POSITIVE]} valid, "
          f"{examples[GenerationMode.NEGATIVE]} invalid) in {elapsed:.1f} s")
    assert sum(examples.values()) > len(operations) * 10
