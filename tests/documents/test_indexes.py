"""The lists and searches are answered from indexes (migrations documents 0009, circulation
0009). With sequential scans made expensive (PostgreSQL) the planner shows whether an index
can serve the query at all; a few rows are enough for that."""

import pytest
from django.db import connection, transaction

from cica_docs.circulation.models import Dispatch
from cica_docs.documents.models import Document
from cica_docs.documents.selectors import search_condition as worklist_search

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'",
                                   reason="trigram indexes and the planner's settings")


def worklist():
    return (Document.objects.exclude(state=Document.State.DISCARDED)
            .order_by("-updated_at")[:25])


def plan(queryset) -> str:
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
        return queryset.explain()


def test_the_work_list_is_read_newest_first_from_the_index():
    assert "documents_updated_idx" in plan(worklist())


def test_the_api_list_order_is_the_index_order():
    assert "documents_updated_idx" in plan(Document.objects.order_by("-updated_at", "-pk")[:25])


@postgres_only
@pytest.mark.parametrize("kind", [None, "note"])  # the work list; the API's list of a kind
def test_a_list_is_counted_from_the_kind_and_state_index(kind):
    documents = Document.objects.exclude(state=Document.State.DISCARDED)
    if kind:
        documents = documents.filter(kind=kind)
    # What COUNT(*) reads: the rows' kind and state only, so the index alone can answer.
    shown = plan(documents.order_by().values("kind"))
    assert "documents_kind_state_idx" in shown, shown


def test_a_search_by_number_uses_the_number_index(drafter):
    # Rows, so that the planner weighs the number's own index against the wider unique one
    # (series, year, number), which cannot be entered by the number.
    Document.objects.bulk_create(
        Document(kind="note", title_en=f"Note {n}", number=n, created_by=drafter)
        for n in range(1, 400)
    )
    assert "documents_number_idx" in plan(Document.objects.filter(number=274))


@postgres_only
@pytest.mark.postgres
@pytest.mark.parametrize("query", ["NCT/CT/274", "Контртеррор", "терроризмге қарсы"])
def test_a_search_by_subject_or_number_is_answered_from_indexes(query):
    # Unordered: which rows match (the page's order is then a sort of the few found).
    shown = plan(Document.objects.filter(worklist_search(query)).order_by())
    for lang in ("en", "ru", "kk"):
        assert f"documents_title_{lang}_trgm" in shown, shown
    # The bodies, by full-text search (documents 0011).
    assert "documents_searchtext_vector_gin" in shown, shown
    assert "Seq Scan" not in shown, shown


def test_the_inbox_finds_a_state_s_dispatches_by_index(delegate_kz):
    shown = plan(Dispatch.objects.visible_to(delegate_kz).order_by("-dispatched_at", "-pk")[:50])
    # By the state's recipients through an index (ours on (state, dispatch) or the foreign
    # key's; the planner picks either by its statistics), never by reading every recipient.
    if connection.vendor == "postgresql":
        assert "Index Cond: (state_id = " in shown, shown
        assert "Seq Scan on circulation_dispatchrecipient" not in shown, shown
    else:
        assert "circulation_recipient_idx" in shown, shown
