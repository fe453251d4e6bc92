"""Two PostgreSQL roles: the owner of the schema, and the role the app runs as.

    DATABASE_URL=postgres://cica_app:…@db/cica          web server, worker, every command
    DATABASE_OWNER_URL=postgres://cica_owner:…@db/cica  `migrate` and `flush` only

The runtime role owns nothing, so it can neither change a schema nor disable, drop or
replace a trigger, nor TRUNCATE a table. After every `migrate`, `privileges_grant` gives it
exactly what the app needs, table by table, from the models: SELECT and INSERT on
append-only records, SELECT on the migration history, SELECT/INSERT/UPDATE/DELETE on the
rest, USAGE on sequences; everything else is revoked first, so the grants converge to
this list whatever they were before. Without DATABASE_OWNER_URL (SQLite, or one role for
development) the app's own connection migrates, as before.
"""

from contextlib import contextmanager

from django.conf import settings
from django.db import connections

from .guards import append_only_tables

READ_ONLY_TABLES = ("django_migrations",)


def owner_settings(alias: str = "default") -> dict | None:
    """The owner's credentials for `alias`, when a separate owner is configured."""
    owner = getattr(settings, "DATABASE_OWNER", None)
    return owner if owner and alias == "default" else None


def runtime_role(alias: str = "default") -> str | None:
    """The role the app runs as, when it is not the owner (else None)."""
    owner = owner_settings(alias)
    user = connections.settings[alias].get("USER")
    return user if owner and user and user != owner["USER"] else None


@contextmanager
def owner_connection(alias: str = "default"):
    """Point this thread's connection `alias` at the owner for the duration (the app's own
    connection when no owner is configured). Other threads keep the runtime role."""
    connection = connections[alias]
    owner = owner_settings(alias)
    if owner is None or connection.settings_dict.get("USER") == owner["USER"]:
        yield connection
        return
    if connection.in_atomic_block:
        raise RuntimeError("owner_connection() cannot switch roles inside a transaction")
    runtime = connection.settings_dict
    connection.close()
    connection.settings_dict = {
        **runtime,
        **{key: owner[key] for key in ("USER", "PASSWORD", "HOST", "PORT") if owner.get(key)},
    }
    try:
        yield connection
    finally:
        connection.close()
        # The test runner renames the database meanwhile (test_…): keep what it set.
        runtime["NAME"] = connection.settings_dict["NAME"]
        connection.settings_dict = runtime


def _policy(table: str, append_only: set[str]) -> str:
    if table in READ_ONLY_TABLES:
        return "SELECT"
    if table in append_only:
        return "SELECT, INSERT"
    return "SELECT, INSERT, UPDATE, DELETE"


def privileges_grant(connection, role: str) -> list[str]:
    """Give `role` exactly the rights the app needs on the tables of the current schema,
    in one transaction. Returns the problems found with the role (empty when it is as it
    should be), for `migrate` to report."""
    quote = connection.ops.quote_name
    append_only = set(append_only_tables())
    who = quote(role)
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_schema(), current_user")
        schema, owner = cursor.fetchone()
        schema = quote(schema)
        statements = [
            f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {who}",
            f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {who}",
            f"GRANT USAGE ON SCHEMA {schema} TO {who}",
            *(f"GRANT {_policy(table, append_only)} ON {quote(table)} TO {who}"
              for table in connection.introspection.table_names(cursor)),
            f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {who}",
        ]
        # One query is one transaction: the app never sees the rights half granted.
        cursor.execute(";\n".join(statements))
    return role_problems(connection, role, owner=owner)


def role_problems(connection, role: str, *, owner: str) -> list[str]:
    """What the runtime role may do that it must not: be a superuser, own tables, create
    objects in the schema, or act as the owner."""
    problems = []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rolsuper, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = %s",
            [role],
        )
        row = cursor.fetchone()
        if row is None:
            return [f"the role {role!r} does not exist"]
        if any(row):
            problems.append(f"{role!r} is a superuser or may create roles or bypass row security")
        cursor.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND pg_get_userbyid(c.relowner) = %s",
            [role],
        )
        if cursor.fetchone()[0]:
            problems.append(f"{role!r} owns tables of the schema (it could alter them)")
        cursor.execute("SELECT has_schema_privilege(%s, current_schema(), 'CREATE')", [role])
        if cursor.fetchone()[0]:
            problems.append(f"{role!r} may create objects in the schema "
                            "(REVOKE CREATE ON SCHEMA public FROM PUBLIC)")
        cursor.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", [role, owner])
        if cursor.fetchone()[0]:
            problems.append(f"{role!r} is a member of the owner role (it could act as it)")
    return problems
