import json

from django.core.management.base import BaseCommand

from cica_docs.health.checks import health


class Command(BaseCommand):
    help = "Print the state of each component as /healthz does; exit 1 when one is down."

    def handle(self, *args, **options):
        ok, body = health()
        self.stdout.write(json.dumps(body, indent=2))
        if not ok:
            raise SystemExit(1)
