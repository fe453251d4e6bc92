"""`flush` empties tables with TRUNCATE, which only the owner may do (DATABASE_OWNER_URL);
the test runner flushes through this command after each transactional test."""

from django.core.management.commands import flush

from cica_docs.database.roles import owner_connection


class Command(flush.Command):
    def handle(self, **options):
        with owner_connection(options["database"]):
            super().handle(**options)
