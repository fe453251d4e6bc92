"""The app runs as a PostgreSQL role that owns nothing: what a stolen connection of the app
could do to the record, it cannot (SECURITY.md 13). Run as .ci/run does:
DATABASE_URL=postgres://cica_app@…/test DATABASE_OWNER_URL=postgres://cica_owner@…/test."""

import pytest
from django.conf import settings
from django.db import DatabaseError, connection, transaction

from cica_docs.database.guards import append_only_tables, guard_names
from cica_docs.database.roles import privileges_grant, role_problems, runtime_role
from tests.db_rights import owner_connection_wrapper, owner_cursor

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="SQLite has no roles"),
]

REFUSED = [
    "TRUNCATE audit_auditevent",
    "TRUNCATE circulation_dispatchrecipient CASCADE",
    "ALTER TABLE audit_auditevent DISABLE TRIGGER audit_auditevent_append_only",
    "ALTER TABLE documents_document DISABLE TRIGGER ALL",
    "DROP TRIGGER documents_document_issued ON documents_document",
    "CREATE OR REPLACE FUNCTION cica_refuse_change() RETURNS trigger AS $$ BEGIN RETURN NEW; "
    "END; $$ LANGUAGE plpgsql",
    "ALTER TABLE documents_document ADD COLUMN forged text",
    "CREATE TABLE forged (id int)",
    "DROP TABLE audit_auditevent",
    "SET session_replication_role = replica",
    "DELETE FROM audit_auditevent",
    "UPDATE audit_auditevent SET action = 'forged'",
    "DELETE FROM django_migrations",
]


def the_app_is_refused(sql):
    with pytest.raises(DatabaseError) as refused, transaction.atomic(), connection.cursor() as c:
        c.execute(sql)
    return str(refused.value)


@pytest.mark.parametrize("sql", REFUSED, ids=lambda sql: sql[:50])
def test_the_apps_connection_is_refused_what_would_rewrite_the_record(sql):
    message = the_app_is_refused(sql)
    assert "permission denied" in message or "must be owner" in message, (
        f"{sql!r} was refused for another reason ({message}): the app should connect as "
        "the runtime role (DATABASE_URL=postgres://cica_app@…, DATABASE_OWNER_URL="
        "postgres://cica_owner@…; see the README)"
    )


def test_the_apps_role_is_not_the_owner_nor_a_superuser():
    role = runtime_role()
    assert role is not None, "DATABASE_OWNER_URL is not set: the app connects as the owner"
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
        assert cursor.fetchone() == (role, False)
    assert role_problems(connection, role, owner=settings.DATABASE_OWNER["USER"]) == []


def test_the_apps_role_has_exactly_the_rights_it_needs_on_each_table():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type) "
            "FROM information_schema.role_table_grants WHERE grantee = current_user "
            "GROUP BY table_name"
        )
        rights = dict(cursor.fetchall())
    full = "DELETE,INSERT,SELECT,UPDATE"
    assert rights["django_migrations"] == "SELECT"
    assert rights["documents_document"] == full and rights["django_session"] == full
    for table in append_only_tables():
        assert rights[table] == "INSERT,SELECT", table
    assert not any("TRUNCATE" in r or "TRIGGER" in r or "REFERENCES" in r
                   for r in rights.values())


def test_rights_granted_by_hand_are_taken_back_by_the_next_grant():
    role = runtime_role()
    with owner_cursor() as cursor:
        cursor.execute(f"GRANT TRUNCATE, UPDATE ON audit_auditevent TO {role}")
    with owner_connection_wrapper() as wrapper:
        assert privileges_grant(wrapper, role) == []
    assert "permission denied" in the_app_is_refused("TRUNCATE audit_auditevent")


def test_every_guard_trigger_is_in_place():
    names = guard_names(connection)
    expected = {f"{table}_append_only" for table in append_only_tables()} | {
        "documents_document_issued", "notes_note_issued", "concepts_conceptpaper_issued",
        "circulation_dispatchrecipient_audited",
    }
    assert expected <= names


def test_migrate_without_the_owner_is_refused_with_what_to_do(settings):
    from django.core.management import CommandError, call_command

    settings.DATABASE_OWNER = None  # as if DATABASE_OWNER_URL were not set
    with pytest.raises(CommandError, match="set DATABASE_OWNER_URL"):
        call_command("migrate", verbosity=0)
    assert "documents_document_issued" in guard_names(connection)
