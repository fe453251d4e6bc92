"""Acting on the test database with more rights than the app has, as an attacker who holds
the owner's (or a superuser's) credentials would."""

from contextlib import contextmanager

from django.conf import settings
from django.db import connection, connections

from cica_docs.database.guards import guards_install


@contextmanager
def owner_connection_wrapper():
    """A connection of its own as the owner (PostgreSQL; autocommit: it sees only committed
    rows)."""
    owner = getattr(settings, "DATABASE_OWNER", None) or {}
    params = {**connection.settings_dict,
              **{key: owner[key] for key in ("USER", "PASSWORD", "HOST", "PORT")
                 if owner.get(key)}}
    other = type(connections["default"])(params, alias="owner")
    try:
        yield other
    finally:
        other.close()


@contextmanager
def owner_cursor():
    """A cursor with the owner's rights: on PostgreSQL on a connection of its own, on
    SQLite the test's own connection (SQLite has no roles)."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            yield cursor
        return
    with owner_connection_wrapper() as other, other.cursor() as cursor:
        yield cursor


@contextmanager
def guard_lifted(table: str, trigger: str):
    """The owner's cursor with `trigger` off for the duration, then on again."""
    with owner_cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
        else:
            cursor.execute(f"DROP TRIGGER {trigger}")
        try:
            yield cursor
        finally:
            if connection.vendor == "postgresql":
                cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")
            else:
                guards_install(connection)
