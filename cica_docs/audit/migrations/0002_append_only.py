"""The database itself refuses to rewrite the audit log (SECURITY.md promises 3 and 9).

PostgreSQL: row triggers refuse UPDATE and DELETE. TRUNCATE fires no row trigger, so the
test runner's flush still works; only the table owner can truncate.
SQLite: a trigger refuses UPDATE. DELETE stays possible because Django's SQLite flush empties
tables with DELETE; Django (AuditEvent.delete, the queryset) refuses it there.
"""

from django.db import migrations

from cica_docs.accounts.migration_helpers import grant

POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION audit_auditevent_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_auditevent_append_only
    BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_refuse_change();
"""
POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS audit_auditevent_append_only ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_auditevent_refuse_change();
"""
SQLITE_FORWARD = """
CREATE TRIGGER audit_auditevent_no_update BEFORE UPDATE ON audit_auditevent
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only: UPDATE refused');
END;
"""
SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS audit_auditevent_no_update;"


def _run(schema_editor, statements):
    if statements:
        # params=None: the SQL is sent as written (its "%" is PL/pgSQL's, not a placeholder).
        schema_editor.execute(statements, params=None)


def install_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    _run(schema_editor, {"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}.get(vendor))


def remove_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    _run(schema_editor, {"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}.get(vendor))


def grant_view_to_admins(apps, schema_editor):
    grant(apps, {"admin": ["audit.view_auditevent"]})


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_audit_event"),
        ("accounts", "0002_roles"),
    ]

    operations = [
        migrations.RunPython(install_triggers, remove_triggers),
        migrations.RunPython(grant_view_to_admins, migrations.RunPython.noop),
    ]
