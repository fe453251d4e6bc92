"""`migrate` as the owner of the schema, then the guards and the runtime role's rights.

Django's own command, run through `owner_connection` (DATABASE_OWNER_URL, when set); after
it, every guard trigger is installed again (`guards.guards_install`) and the runtime role
is given exactly its rights (`roles.privileges_grant`), so both hold after any migrate,
forwards or backwards, whatever a migration did to a table.
"""

from contextlib import contextmanager

from django.core.management.base import CommandError
from django.core.management.commands import migrate
from django.db import DatabaseError

from cica_docs.database.guards import guards_install
from cica_docs.database.roles import owner_connection, privileges_grant, runtime_role


@contextmanager
def _told_to_use_the_owner():
    try:
        yield
    except DatabaseError as error:
        if "permission denied" in str(error) or "must be owner" in str(error):
            raise CommandError(
                f"{str(error).strip()}\nThis connection may not change the schema: run "
                "migrate as the owner of the tables (set DATABASE_OWNER_URL; see the README)."
            ) from error
        raise


class Command(migrate.Command):
    help = migrate.Command.help + " Runs as DATABASE_OWNER_URL when it is set."

    def handle(self, *args, **options):
        alias = options["database"]
        with owner_connection(alias) as connection, _told_to_use_the_owner():
            super().handle(*args, **options)
            guards_install(connection)
            role = runtime_role(alias)
            if role and connection.vendor == "postgresql":
                for problem in privileges_grant(connection, role):
                    self.stderr.write(self.style.WARNING(f"Runtime role: {problem}."))
                if options["verbosity"] >= 1:
                    self.stdout.write(f"  Rights of the runtime role {role!r} granted.")
