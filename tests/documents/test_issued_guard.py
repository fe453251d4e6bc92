"""The database refuses to rewrite an issued document: its number, series, date, kind,
subject, state (only withdrawal) and text stay as they were issued, whoever sends the SQL
(SECURITY.md 3 and 13). The services' own updates — issue, withdrawal, the link of a
correction, the time of the last change — still go through."""

import datetime

import pytest
from django.db import DatabaseError, connection, transaction

from cica_docs.documents import services
from cica_docs.documents.models import Document
from tests.factories import approved_note, correction_issued, make_note

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(drafter, reviewer, registrar, django_capture_on_commit_callbacks):
    note = approved_note(drafter, reviewer)
    with django_capture_on_commit_callbacks(execute=False):  # the PDFs are not the subject
        services.document_issue(document=note, by=registrar, issued_on=datetime.date(2024, 3, 6),
                            backdating_reason="As signed.")
    note.refresh_from_db()
    return note


def sql(statement, *params):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, params)


FORGERIES = {
    "number": "UPDATE documents_document SET number = 999 WHERE id = %s",
    "series": "UPDATE documents_document SET series_id = NULL WHERE id = %s",
    "date of issue": "UPDATE documents_document SET issued_on = '2020-01-01' WHERE id = %s",
    "year": "UPDATE documents_document SET number_year = 2020 WHERE id = %s",
    "kind": "UPDATE documents_document SET kind = 'concept' WHERE id = %s",
    "subject": "UPDATE documents_document SET title_ru = 'forged' WHERE id = %s",
    "languages": "UPDATE documents_document SET languages = '[\"en\"]' WHERE id = %s",
    "revision": "UPDATE documents_document SET revision_number = 7 WHERE id = %s",
    "back to draft": "UPDATE documents_document SET state = 'draft' WHERE id = %s",
    "back to approved": "UPDATE documents_document SET state = 'approved' WHERE id = %s",
    "text": "UPDATE notes_note SET body_en = 'forged' WHERE document_ptr_id = %s",
    # what it answers or cites is part of its printed text
    "reference": "UPDATE documents_document SET reference_relation = 'reply' WHERE id = %s",
    "reference sender": "UPDATE documents_document SET reference_sender_kk = 'x' WHERE id = %s",
    "reference date": "UPDATE documents_document SET reference_date = '2020-01-01' "
                      "WHERE id = %s",
}


def test_the_database_refuses_to_rewrite_an_issued_document(issued, client, registrar):
    accepted = []
    for what, statement in FORGERIES.items():
        try:
            sql(statement, issued.pk)
        except DatabaseError:
            continue
        accepted.append(what)
    assert accepted == []
    kept = Document.objects.get(pk=issued.pk).specific
    assert (kept.state, kept.symbol, kept.issued_on, kept.kind) == (
        "issued", issued.symbol, datetime.date(2024, 3, 6), "note")
    assert kept.title_ru == issued.title_ru and kept.body_en == issued.body_en
    client.force_login(registrar)
    assert issued.symbol in client.get(issued.get_absolute_url()).text


def test_a_withdrawn_document_cannot_be_issued_again_in_sql(issued, registrar):
    services.document_transition(document=issued, action="withdraw", by=registrar,
                                 comment="Superseded")
    for state in ("issued", "approved", "draft"):
        with pytest.raises(DatabaseError):
            sql("UPDATE documents_document SET state = %s WHERE id = %s", state, issued.pk)
    assert Document.objects.get(pk=issued.pk).state == "withdrawn"


def test_the_services_own_updates_still_go_through(issued, drafter, reviewer, registrar):
    sql("UPDATE documents_document SET updated_at = %s WHERE id = %s",
        datetime.datetime(2024, 3, 7, tzinfo=datetime.UTC), issued.pk)
    correction = correction_issued(issued, drafter=drafter, reviewer=reviewer,
                                   registrar=registrar)
    assert correction.corrects_id == issued.pk and correction.number == issued.number + 1
    services.document_transition(document=issued, action="withdraw", by=registrar,
                                 comment="Corrected")
    assert Document.objects.get(pk=issued.pk).state == "withdrawn"


def test_a_draft_stays_free_to_change(drafter):
    note = make_note(drafter)
    sql("UPDATE documents_document SET title_en = 'Changed', number = NULL WHERE id = %s",
        note.pk)
    sql("UPDATE notes_note SET body_en = 'Changed' WHERE document_ptr_id = %s", note.pk)
    assert Document.objects.get(pk=note.pk).specific.body_en == "Changed"


@pytest.mark.skipif("connection.vendor != 'postgresql'",
                    reason="SQLite allows DELETE so that the test runner can flush tables")
def test_postgresql_refuses_to_delete_an_issued_document(issued):
    with pytest.raises(DatabaseError, match="cannot change \\(DELETE refused\\)"):
        sql("DELETE FROM notes_note WHERE document_ptr_id = %s", issued.pk)
    with pytest.raises(DatabaseError, match="cannot be deleted|violates"):
        sql("DELETE FROM documents_document WHERE id = %s", issued.pk)
    assert Document.objects.filter(pk=issued.pk, state="issued").exists()


def test_every_append_only_table_and_every_kind_keeps_its_guard_after_migrate():
    from cica_docs.database.guards import append_only_tables, guard_names

    names = guard_names(connection)
    assert {f"{table}_append_only" for table in append_only_tables()} <= names
    assert {"documents_document_issued", "notes_note_issued",
            "concepts_conceptpaper_issued", "documents_series_counter"} <= names
