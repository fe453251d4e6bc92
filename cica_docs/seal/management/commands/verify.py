"""`manage.py verify FILE.pdf`: the verification page's verdict on the command line; exits
1 when the file is not an authentic, unchanged file of the Secretariat."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cica_docs.seal.verification import verify_file


class Command(BaseCommand):
    help = "Verify that a PDF file is one the CICA Secretariat issued, unchanged."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from error
        verdict = verify_file(data)
        if not verdict.valid:
            self.stdout.write(f"NOT VALID: {verdict.message}")
            if verdict.symbol:
                self.stdout.write(f"  (the file's hash is that of {verdict.symbol}, "
                                  f"{verdict.variant})")
            raise SystemExit(1)
        status = {"in_force": "in force", "withdrawn": "WITHDRAWN",
                  "corrected": "corrected by " + ", ".join(verdict.corrected_by)}[verdict.status]
        lines = [
            f"VALID: issued by the CICA Secretariat, unchanged ({status})",
            f"  number:      {verdict.symbol or '(without number)'}",
            f"  issued on:   {verdict.issued_on.isoformat() if verdict.issued_on else ''}",
            f"  file:        {verdict.variant} ({', '.join(verdict.languages)}), "
            f"{verdict.pages} pages",
            f"  sha256:      {verdict.sha256}",
            f"  sealed with: {verdict.certificate['subject']}",
            f"  certificate: {verdict.certificate['fingerprint']}",
        ]
        if verdict.withdrawn_at:
            lines.insert(1, f"  withdrawn:   {verdict.withdrawn_at.isoformat()}")
        self.stdout.write("\n".join(lines))
