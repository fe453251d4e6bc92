"""Facts about the configured task queue that the worker, the render sweep and /healthz
need, for either backend (settings.TASKS: django-tasks-db's table, or RQ on Redis).

`waiting(ids)` answers which of some task ids are still due to run: a task queued (or
scheduled) and not yet taken by a worker. A rendering QUEUED whose task is not among them
was lost — the enqueue failed (Redis down at the issue), or a worker died holding it — and
the sweep queues it again (issuing/services.py `lost_renders`).
"""

import uuid
from datetime import UTC, datetime, timedelta

from django.conf import settings

RQ_BACKEND = "django_tasks_rq.RQBackend"
DB_BACKEND = "django_tasks_db.DatabaseBackend"
# RQ's job states of a job that will still run by itself.
RQ_WAITING = {"queued", "scheduled", "deferred"}


def backend_path(backend=None) -> str:
    if backend is not None:
        cls = type(backend)
        return f"{cls.__module__.split('.')[0]}.{cls.__name__}"
    return settings.TASKS["default"]["BACKEND"]


def uses_rq(backend=None) -> bool:
    return backend_path(backend) == RQ_BACKEND


def keeps_a_queue(backend) -> bool:
    """Whether tasks wait somewhere a worker takes them from (not the tests' immediate runs)."""
    return backend_path(backend) in (RQ_BACKEND, DB_BACKEND)


def waiting(ids, backend, *, started_within: timedelta = timedelta(0)) -> set[str]:
    """Of the task ids `ids`, those waiting to be run by a worker — and, under RQ, those a
    worker took less than `started_within` ago (its work horse is starting: the task has
    not reached the database yet; one started long ago and silent since, died with its
    worker). Under RQ a job scheduled for later (a retry after a delay) waits only until
    `started_within` past its time: RQ's scheduler, run by one worker under a lock, is
    otherwise taken over only after about two minutes when that worker dies, and the
    sweep queues an overdue one again instead (`cancel` drops the old job)."""
    ids = [str(i) for i in ids if i]
    if not ids:
        return set()
    if uses_rq(backend):
        import django_rq
        from rq.job import Job

        connection = django_rq.get_connection()
        since = datetime.now(UTC) - started_within
        jobs = [job for job in Job.fetch_many(ids, connection=connection) if job is not None]
        found = set()
        for job in jobs:
            status = job.get_status()
            if status == "scheduled":
                if not _overdue(job, connection, since):
                    found.add(job.id)
            elif status in RQ_WAITING or (status == "started" and (
                    _recent(job.started_at, since) or _worker_alive(job, connection))):
                found.add(job.id)
        return found
    from django_tasks_db.models import DBTaskResult

    by_uuid = {}
    for task_id in ids:
        try:
            by_uuid[uuid.UUID(task_id)] = task_id
        except ValueError:
            continue
    ready = DBTaskResult.objects.filter(id__in=list(by_uuid), status="READY")
    return {by_uuid[found] for found in ready.values_list("id", flat=True)}


def _recent(moment, since) -> bool:
    return moment is not None and moment.replace(tzinfo=moment.tzinfo or UTC) > since


def _overdue(job, connection, since) -> bool:
    """Whether a scheduled RQ job's time passed before `since` (no scheduler released it)."""
    from rq.exceptions import NoSuchJobError
    from rq.registry import ScheduledJobRegistry

    try:
        at = ScheduledJobRegistry(job.origin, connection=connection).get_scheduled_time(job)
    except NoSuchJobError:  # released from the registry meanwhile: not overdue
        return False
    return at.replace(tzinfo=at.tzinfo or UTC) < since


def cancel(task_id: str, backend=None) -> None:
    """Drop a task that will be queued again (an overdue scheduled RQ job), so that it does
    not run as well once a scheduler releases it; were it to run, the task is idempotent."""
    if not task_id or not uses_rq(backend):
        return
    import django_rq
    from rq.exceptions import InvalidJobOperation, NoSuchJobError
    from rq.job import Job

    try:
        job = Job.fetch(task_id, connection=django_rq.get_connection())
        if job.get_status() == "scheduled":
            job.cancel()
    except (NoSuchJobError, InvalidJobOperation):
        pass


def _worker_alive(job, connection) -> bool:
    """Whether the RQ worker that took `job` still reports (its key lives for its TTL)."""
    from rq.worker import Worker

    return bool(job.worker_name) and connection.exists(
        Worker.redis_worker_namespace_prefix + job.worker_name) > 0


def ping() -> None:
    """Raise if the queue cannot be reached (for /healthz)."""
    if uses_rq():
        import django_rq

        django_rq.get_connection().ping()
    elif backend_path() == DB_BACKEND:
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.exists()


def enqueue_on_commit(task, ids) -> None:
    """Once the transaction commits, queue `task` for each of `ids` (rows already stored as
    queued). The queue being down (Redis) never undoes or fails what committed: the failure
    is logged and the rows stay queued in the database, where the worker's sweep finds them
    (issuing/sweep.py)."""
    import logging

    from django.db import transaction

    ids = list(ids)

    def enqueue():
        for pk in ids:
            try:
                task.enqueue(pk)
            except Exception:  # the queue's own errors (redis, rq) have no common base
                logging.getLogger(__name__).exception(
                    "%s(%s) could not be queued; it stays queued in the database",
                    task.name, pk)

    if ids:
        transaction.on_commit(enqueue)
