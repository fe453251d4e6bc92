"""TASKS_BACKEND=rq: an issue made while Redis is down still commits, and once Redis is
back a real RQ worker (`manage.py worker`, a subprocess: django_rq's rqworker with
django-tasks-rq's job class) finds the lost rendering in its sweep and renders it, once.
Redis is one of the test's own, on a free port, so parallel runs never share a queue."""

import subprocess
import sys

import pytest
from django.conf import settings as django_settings

from cica_docs.documents import services
from cica_docs.issuing.models import RenderedFile, Rendering
from tests.factories import approved_note
from tests.rendering.test_worker import WorkerDatabase, _wait
from tests.servers import start_redis, stop
from tests.smtp import free_port

pytestmark = pytest.mark.django_db(transaction=True)


def _rq_settings(settings, redis_url):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": redis_url}}


def test_an_issue_while_redis_is_down_is_rendered_by_an_rq_worker_when_it_is_back(
    reference_data, drafter, reviewer, registrar, tmp_path, settings, caplog
):
    port = free_port()
    redis_url = f"redis://127.0.0.1:{port}/0"
    _rq_settings(settings, redis_url)
    note = approved_note(drafter, reviewer, languages=("en",))
    services.document_issue(document=note, by=registrar)  # Redis is not running yet
    note.refresh_from_db()
    assert note.state == "issued" and note.symbol
    rendering = Rendering.objects.get(document=note)
    assert (rendering.status, rendering.task_id) == ("queued", "")
    assert "could not be queued" in caplog.text

    database = WorkerDatabase(tmp_path)
    database.push()
    redis, _port = start_redis(port)
    env = {**database.env(), "TASKS_BACKEND": "rq", "REDIS_URL": redis_url,
           "RENDER_STALE_GRACE": "0", "RENDER_SWEEP_INTERVAL": "0.5"}
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--worker-ttl", "30"],
        cwd=django_settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait("the RQ worker renders it", lambda: database.rendering(note.pk)[0] == "ready",
              seconds=120)
    finally:
        worker.terminate()
        _, errors = worker.communicate(timeout=30)
        stop(redis)
    database.pull()
    ready = Rendering.objects.get(document=note)
    assert (ready.status, ready.attempts, ready.error) == ("ready", 1, ""), errors.decode()
    assert RenderedFile.objects.filter(document=note).count() == 2
    assert b"stale renderings taken back: 0 stalled, 1 re-queued" in errors


def test_healthz_names_the_queue_while_redis_is_down(settings, client):
    from django.utils import timezone

    from cica_docs.health.models import WorkerHeartbeat

    WorkerHeartbeat.objects.create(worker="test:1", seen_at=timezone.now())
    redis, port = start_redis()
    _rq_settings(settings, f"redis://127.0.0.1:{port}/0")
    try:
        assert client.get("/healthz").status_code == 200
    finally:
        stop(redis)
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["down"] == ["queue"]


@pytest.mark.django_db(transaction=False)
def test_under_rq_a_stalled_rendering_is_queued_again_and_a_lost_one_found(
    drafter, reviewer, registrar, settings, django_capture_on_commit_callbacks
):
    """The sweep on RQ: a rendering its dead worker left RUNNING is queued again as a job
    (RQ has no priorities: the retry is queued without one); a job a worker took and never
    began is not waiting, one just taken is."""
    from datetime import timedelta

    import django_rq
    from django.utils import timezone

    from cica_docs import queue
    from cica_docs.issuing import services as rendering
    from cica_docs.issuing.tasks import render_issued

    redis, port = start_redis()
    try:
        _rq_settings(settings, f"redis://127.0.0.1:{port}/0")
        settings.RENDER_RETRY_DELAYS = (0,)
        note = approved_note(drafter, reviewer, languages=("en",))
        with django_capture_on_commit_callbacks(execute=True):
            services.document_issue(document=note, by=registrar)
        first = Rendering.objects.get(document=note).task_id
        assert first and queue.waiting([first], render_issued.get_backend()) == {first}
        assert rendering._claim(note, first)
        later = timezone.now() + timedelta(hours=1)
        with django_capture_on_commit_callbacks(execute=True):
            assert rendering.sweep_stale_renders(later) == {"stalled": 1, "requeued": 0}
        retry = Rendering.objects.get(document=note)
        assert retry.status == "queued" and retry.task_id not in ("", first)
        assert django_rq.get_queue("default").job_ids == [first, retry.task_id]

        job = django_rq.get_queue("default").fetch_job(retry.task_id)
        job.set_status("started")
        job.started_at = timezone.now() - timedelta(minutes=5)
        job.save()
        backend = render_issued.get_backend()
        assert queue.waiting([retry.task_id], backend,
                             started_within=timedelta(seconds=60)) == set()
        assert queue.waiting([retry.task_id], backend,
                             started_within=timedelta(minutes=10)) == {retry.task_id}
    finally:
        stop(redis)


@pytest.mark.django_db(transaction=False)
def test_under_rq_a_retry_no_scheduler_released_is_queued_again_by_the_sweep(
    drafter, reviewer, registrar, settings, django_capture_on_commit_callbacks
):
    """A retry after a delay is a scheduled RQ job; when the worker holding the scheduler's
    lock died, RQ takes the lock over only after ~2 minutes. A scheduled job overdue by the
    grace is not waiting: the sweep queues the rendering again and cancels the old job."""
    from datetime import timedelta

    import django_rq
    from django.utils import timezone
    from rq.registry import ScheduledJobRegistry

    from cica_docs import queue
    from cica_docs.issuing import services as rendering
    from cica_docs.issuing.tasks import render_issued

    redis, port = start_redis()
    try:
        _rq_settings(settings, f"redis://127.0.0.1:{port}/0")
        settings.RENDER_RETRY_DELAYS = (60,)
        settings.RENDER_STALE_GRACE = 5
        note = approved_note(drafter, reviewer, languages=("en",))
        with django_capture_on_commit_callbacks(execute=True):
            services.document_issue(document=note, by=registrar)
        first = Rendering.objects.get(document=note).task_id
        assert rendering._claim(note, first)
        stalled_at = timezone.now() + timedelta(hours=1)
        with django_capture_on_commit_callbacks(execute=True):
            assert rendering.sweep_stale_renders(stalled_at)["stalled"] == 1
        retry = Rendering.objects.get(document=note)
        scheduled = ScheduledJobRegistry("default", connection=django_rq.get_connection())
        assert retry.status == "queued" and retry.task_id in scheduled.get_job_ids()
        backend = render_issued.get_backend()
        grace = timedelta(seconds=5)
        assert queue.waiting([retry.task_id], backend, started_within=grace) == {retry.task_id}
        # Its time passed, and no scheduler released it (none holds the lock).
        late = retry.retry_at + timedelta(seconds=30)
        job = django_rq.get_queue("default").fetch_job(retry.task_id)
        scheduled.schedule(job, timezone.now() - timedelta(seconds=30))
        assert queue.waiting([retry.task_id], backend, started_within=grace) == set()
        with django_capture_on_commit_callbacks(execute=True):
            assert rendering.sweep_stale_renders(late) == {"stalled": 0, "requeued": 1}
        again = Rendering.objects.get(document=note)
        assert again.status == "queued" and again.task_id != retry.task_id
        assert again.task_id in django_rq.get_queue("default").job_ids
        assert retry.task_id not in scheduled.get_job_ids()
        assert django_rq.get_queue("default").fetch_job(retry.task_id).get_status() == "canceled"
    finally:
        stop(redis)
