"""Database-level guards that Django alone cannot give.

`append_only(*tables)` is a migration operation that makes the database itself refuse
changes to records that must never change (revisions, issued revisions, audit events):
on PostgreSQL, row triggers refuse UPDATE and DELETE (TRUNCATE, used only by test flushes,
is not a row operation); on SQLite, a trigger refuses UPDATE (SQLite's flush deletes rows,
so DELETE stays guarded by the models and by PROTECT foreign keys there).
"""

from django.db import migrations

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION cica_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'records of %% are append-only: %% refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def _forwards(tables):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for table in tables:
            if vendor == "postgresql":
                schema_editor.execute(_PG_FUNCTION)
                schema_editor.execute(
                    f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                    f"FOR EACH ROW EXECUTE FUNCTION cica_refuse_change();"
                )
            elif vendor == "sqlite":
                schema_editor.execute(
                    f"CREATE TRIGGER {table}_append_only BEFORE UPDATE ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'records of {table} are append-only'); END;"
                )

    return run


def _backwards(tables):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for table in tables:
            if vendor == "postgresql":
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
            elif vendor == "sqlite":
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only;")

    return run


def append_only(*tables: str) -> migrations.RunPython:
    return migrations.RunPython(_forwards(tables), _backwards(tables))
