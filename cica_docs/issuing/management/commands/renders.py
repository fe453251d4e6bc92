"""Renderings that need a look: stalled (RUNNING past their deadline), lost (QUEUED with no
task to run them) and failed.

    python manage.py renders            list them (exit 1 if there are any)
    python manage.py renders --requeue  take back the stalled and lost ones (as the worker's
                                        sweep does) and queue the failed ones again, with
                                        fresh attempts
"""

from django.core.management.base import BaseCommand, CommandError

from cica_docs.issuing import services
from cica_docs.issuing.models import Rendering


class Command(BaseCommand):
    help = "List stalled, lost and failed renderings of issued documents; --requeue retries them."

    def add_arguments(self, parser):
        parser.add_argument("--requeue", action="store_true",
                            help="Take back stalled and lost renderings; queue failed ones again.")

    def handle(self, *args, requeue=False, **options):
        groups = [
            ("stalled", list(services.stalled_renders().select_related("document"))),
            ("lost", services.lost_renders()),
            ("failed", list(Rendering.objects.filter(status=Rendering.Status.FAILED)
                            .select_related("document").order_by("updated_at"))),
        ]
        total = 0
        for label, renderings in groups:
            for rendering in renderings:
                total += 1
                document = rendering.document
                since = rendering.heartbeat_at or rendering.updated_at
                self.stdout.write(
                    f"{label:8} {document.pk:>6} {document.symbol or '-':<16} "
                    f"attempts {rendering.attempts}  since {since:%Y-%m-%d %H:%M:%S}  "
                    f"{rendering.error or ''}".rstrip()
                )
        if not total:
            self.stdout.write("No stalled, lost or failed renderings.")
            return
        if requeue:
            counts = services.sweep_stale_renders()
            failed = services.requeue_failed()
            self.stdout.write(f"Taken back: {counts['stalled']} stalled, {counts['requeued']} "
                              f"lost re-queued, {failed} failed queued again.")
            return
        raise CommandError(f"{total} rendering(s) need attention; --requeue retries them.")
