"""Append-only records: the model base for Django, and the database-level guard.

`append_only(*tables)` is a migration operation that makes the database itself refuse
changes to records that must never change (revisions, issued revisions, audit events):
on PostgreSQL, row triggers refuse UPDATE and DELETE (TRUNCATE is not a row operation: the
runtime role is refused it by its privileges); on SQLite, a trigger refuses UPDATE
(SQLite's flush deletes rows, so DELETE stays guarded by the models and by PROTECT foreign
keys there). The triggers themselves are in `cica_docs/database/guards.py`.
"""

from django.db import migrations, models


class AppendOnlyError(PermissionError):
    """Code tried to change or remove a record that is written once (revisions, issued
    revisions, dispatches, receipts, audit events)."""


class AppendOnlyQuerySet(models.QuerySet):
    # Bulk paths skip Model.save/delete; refuse them here too.
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} records cannot be changed.")

    def delete(self):
        raise AppendOnlyError(f"{self.model.__name__} records cannot be deleted.")


class AppendOnlyModel(models.Model):
    """A record that is written once and never changed or removed: by Django (this class
    and its queryset) and by the database (the `append_only` migration operation)."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} records cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} records cannot be deleted.")

def _forwards(tables):
    def run(apps, schema_editor):
        from cica_docs.database.guards import install_append_only

        install_append_only(schema_editor.connection, tables)

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
    """The migration operation that installs the append-only guard on `tables`
    (`cica_docs.database.guards` holds the triggers and installs them again after every
    migrate)."""
    return migrations.RunPython(_forwards(tables), _backwards(tables))
