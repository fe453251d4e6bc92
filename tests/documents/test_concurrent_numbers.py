from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from cica_docs.documents import services
from cica_docs.documents.models import Document, Series
from tests.factories import approved_note

pytestmark = pytest.mark.skipif(
    "connection.vendor != 'postgresql'",
    reason="row locks between parallel transactions need a server database",
)


def test_fifty_parallel_issues_get_fifty_consecutive_numbers(
    reference_data, drafter, reviewer, registrar, settings
):
    # The numbers are the subject here, not the PDFs: queue the rendering, do not run it.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    notes = [approved_note(drafter, reviewer) for _ in range(50)]
    start = Series.objects.get(code="NCT/CT").next_number

    def issue(note):
        try:
            return services.document_issue(document=note, by=registrar).document.number
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=10) as pool:
        numbers = list(pool.map(issue, notes))

    assert sorted(numbers) == list(range(start, start + 50))
    assert Document.objects.filter(state="issued").count() == 50
    assert Series.objects.get(code="NCT/CT").next_number == start + 50
    assert connection.vendor == "postgresql"
