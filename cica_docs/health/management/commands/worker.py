"""`manage.py worker`: the task worker of the configured backend, with a heartbeat.

Extra arguments go to the backend's own worker command (`db_worker` for django-tasks-db).
"""

import argparse

from django.core.management import call_command
from django.core.management.base import BaseCommand

from cica_docs.health.heartbeat import Heartbeat


class Command(BaseCommand):
    help = "Run the task worker (renders PDFs, sends notices) and record its heartbeat."

    def add_arguments(self, parser):
        parser.add_argument("worker_args", nargs=argparse.REMAINDER)

    def handle(self, *args, worker_args, **options):
        heartbeat = Heartbeat().start()
        try:
            call_command("db_worker", "--queue-name", "default", *worker_args)
        finally:
            heartbeat.stop()
