"""Check that the audit log is whole and that every circulation record is in it.

    python manage.py audit_verify

Walks the hash chain from the first event to the last (cica_docs/audit/chain.py) and
reports the first broken link; then names every dispatch, recipient and receipt that no
audit event records (cica_docs/circulation/integrity.py). Exit status 0 when all holds,
1 otherwise. Read-only: it runs as the app's own role.
"""

from django.core.management.base import BaseCommand, CommandError

from cica_docs.audit.chain import chain_verify
from cica_docs.circulation import integrity


class Command(BaseCommand):
    help = ("Verify the audit log's hash chain and that every dispatch, recipient and "
            "receipt is recorded in it; exit 1 at the first broken link or unrecorded row.")

    def handle(self, *args, **options):
        verdict = chain_verify()
        unaudited = integrity.unaudited_rows()
        problems = []
        if verdict.broken is None:
            self.stdout.write(f"Audit log: {verdict.events} events, chain intact; "
                              f"head {verdict.head}")
        else:
            problems.append("the audit log's chain is broken")
            self.stdout.write(self.style.ERROR(
                f"Audit log: chain broken at {verdict.broken} "
                f"({verdict.events} events verified before it)"))
        counted = ", ".join(f"{n} {what}" for what, n in integrity.counts().items())
        if unaudited:
            problems.append(f"{len(unaudited)} circulation record(s) not in the audit log")
            self.stdout.write(self.style.ERROR(f"Circulation ({counted}): "
                                               f"{len(unaudited)} not in the audit log:"))
            for line in unaudited:
                self.stdout.write(f"  {line}")
        else:
            self.stdout.write(f"Circulation: {counted}, each recorded in the audit log")
        if problems:
            raise CommandError("; ".join(problems) + ".")
