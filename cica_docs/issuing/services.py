"""Rendering at issue time: render once, store with SHA-256, serve from storage forever.

The life of a rendering (`Rendering`, one per issued document) — every path ends READY or
FAILED with its reason, never QUEUED or RUNNING for ever:

- `schedule_render` queues it (at issue, or when a registrar asks again: attempts restart).
- `issued_render` (the task) claims it: only a QUEUED rendering is claimed, by one worker
  (an atomic update), which counts the attempt and sets a deadline. Before each render
  step the worker reports (`heartbeat_at`) and moves the deadline to the step's own limit
  (which scales with the document, `pdf.render_limit`). Files are stored only by the
  worker that still holds the claim and only if none are stored yet, in one transaction:
  a render that runs twice (two workers, a worker that came back after the sweep gave its
  work away) stores once.
- A failure that may pass — a render over its limit, a crashed renderer, storage that
  cannot be written, a worker that stopped — is queued again after a growing delay
  (RENDER_RETRY_DELAYS) until RENDER_ATTEMPTS are used; then, or at once for a failure
  that would only repeat (too many pages, unreadable content), the rendering is FAILED.
- `sweep_stale_renders` takes back what a dead worker left: a RUNNING rendering past its
  deadline fails its attempt (and its task, still RUNNING in the task table, is marked
  failed); a QUEUED rendering whose task is lost is queued again. The worker command
  (`manage.py worker`) sweeps at start and every RENDER_SWEEP_INTERVAL seconds;
  `manage.py renders` lists stalled and failed renderings and `--requeue` takes them back.
"""

import hashlib
import logging
import re
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.dispatch import Signal
from django.utils import timezone

from cica_docs import queue
from cica_docs.audit.log import security_event
from cica_docs.documents import content as content_mod
from cica_docs.documents.frozen import issued_sources
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.models import Document
from cica_docs.rendering.pdf import RenderCrashed, RenderError, RenderTimeout, reporting
from cica_docs.storage import STORAGE_ERRORS

from .models import RenderedFile, Rendering
from .packages import render_all

logger = logging.getLogger(__name__)
# Sent when a rendering is given up (FAILED): document, error. Inside its transaction.
rendering_failed = Signal()

Status = Rendering.Status


class RenderStalled(RenderError):
    """The worker stopped reporting within the limit: killed, or hung."""


class StorageFailed(RenderError):
    """The rendered files could not be written to storage."""


class _ClaimLost(Exception):
    """Another attempt owns the rendering now (the sweep gave it away): stop, store nothing."""


# Failures that may pass on another attempt; any other failure would only repeat.
RETRYABLE = (RenderTimeout, RenderCrashed, RenderStalled, StorageFailed)


def file_name(document, variant: str) -> str:
    """`NCT-CT-274_ru.pdf`; a document without a number uses its id."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", document.symbol).strip("-") or f"document-{document.pk}"
    return f"{stem}_{variant}.pdf"


def _grace() -> timedelta:
    return timedelta(seconds=settings.RENDER_STALE_GRACE)


def _fresh_state() -> dict:
    return {"claim": "", "retry_at": None, "deadline_at": None, "render_pid": None}


def variants(document) -> list[str]:
    """The stored files an issued document must have: one per language, and the package."""
    return [*document.languages, "package"]


def missing_pdfs(document) -> list[str]:
    """The variants of `document` whose official PDF is not stored (yet)."""
    stored = set(document.rendered.values_list("variant", flat=True))
    return [variant for variant in variants(document) if variant not in stored]


def schedule_render(*, document) -> None:
    """Queue the rendering of an issued document once the issuing transaction commits
    (also a registrar's "render again": the attempts start again)."""
    Rendering.objects.update_or_create(
        document=document,
        defaults={"status": Status.QUEUED, "error": "", "attempts": 0, "task_id": "",
                  **_fresh_state()},
    )
    transaction.on_commit(lambda: _enqueue(document.pk))


def _enqueue(document_id: int, *, at=None, again=False) -> None:
    """Queue the rendering's task; `again` (a retry, a lost task) puts it ahead of first
    renderings where the backend orders by priority: it has waited its turn once already."""
    from django.tasks.base import TASK_MAX_PRIORITY

    from .tasks import render_issued

    task = render_issued
    try:
        backend = task.get_backend()
        if again and backend.supports_priority:
            task = task.using(priority=TASK_MAX_PRIORITY)
        if at is not None and at > timezone.now() and backend.supports_defer:
            task = task.using(run_after=at)
        result = task.enqueue(document_id)
    except Exception:  # the queue is down (Redis): the issue stands, the sweep queues it later
        logger.exception("the rendering of document %s could not be queued", document_id)
        return
    Rendering.objects.filter(document_id=document_id, status=Status.QUEUED).update(
        task_id=str(result.id)
    )


def issued_render(*, document_id: int, task_id: str = "") -> list[RenderedFile]:
    """Render every variant of an issued document and store it. Idempotent: a document
    that already has its files is not rendered again (files never change), and a rendering
    another worker holds is left to it."""
    document = Document.objects.get(pk=document_id).specific
    existing = list(document.rendered.all())
    if existing:
        Rendering.objects.filter(document=document).update(
            status=Status.READY, error="", **_fresh_state()
        )
        return existing
    claim = _claim(document, task_id)
    if claim is None:
        return []
    try:
        issued = document.issued
        # normalised: a revision written before a content key existed still matches.
        issued_content = content_mod.complete(issued.revision.content, get_kind(document.kind))
        # What is rendered is the issued revision (below); live rows that no longer match
        # it were changed behind the services' back, which the operators must hear of.
        if content_mod.content_hash(content_mod.snapshot(document)) != content_mod.content_hash(
            issued_content
        ):
            security_event(action="document.content_forged", target=document,
                           revision=issued.revision.number)
        # Only what was frozen at the issue: the issued revision and the revisions its
        # enclosures were bound to, never the live documents.
        view, enclosures = issued_sources(document)
        with reporting(_reporter(document, claim)):
            results = render_all(view, created=issued.issued_at, enclosures=enclosures,
                                 closings=issued_closings(document))
        return _store(document, claim, results)
    except _ClaimLost:
        logger.warning("rendering of document %s was taken over by another attempt",
                       document.pk)
        return []
    except Exception as error:
        _attempt_failed(document, claim, error)
        if isinstance(error, RenderError):
            raise
        raise RenderError(_reason(error)) from error


def issued_closings(document) -> dict[str, str]:
    """What closes each issued language copy: its verification line (cica_docs/seal)."""
    from cica_docs.seal.line import verification_lines

    return verification_lines(document)


def _claim(document, task_id: str) -> str | None:
    """Take the rendering for this attempt, or None if it is not waiting to be rendered."""
    Rendering.objects.get_or_create(document=document)
    claim = uuid.uuid4().hex
    now = timezone.now()
    taken = Rendering.objects.filter(document=document, status=Status.QUEUED).update(
        status=Status.RUNNING, claim=claim, attempts=F("attempts") + 1, started_at=now,
        heartbeat_at=now, retry_at=None, render_pid=None,
        deadline_at=now + timedelta(seconds=settings.PDF_RENDER_TIMEOUT) + _grace(),
        task_id=task_id or F("task_id"),
    )
    return claim if taken else None


def _reporter(document, claim):
    def report(pid, limit):
        now = timezone.now()
        held = Rendering.objects.filter(document=document, claim=claim).update(
            heartbeat_at=now, render_pid=pid,
            deadline_at=now + timedelta(seconds=limit) + _grace(),
        )
        if not held:
            raise _ClaimLost

    return report


def _store(document, claim, results) -> list[RenderedFile]:
    """Write the files and the rows in one go, if this attempt still holds the rendering
    and nothing is stored yet; a storage failure leaves no file behind."""
    from django.core.files.storage import default_storage

    from cica_docs.seal import services as seal

    key = seal.current_key()
    sealed = [seal.seal_pdf(result.pdf.data, key) for result in results]
    written = []
    try:
        with transaction.atomic():
            rendering = Rendering.objects.select_for_update().get(document=document)
            if rendering.claim != claim:
                raise _ClaimLost
            stored = list(RenderedFile.objects.filter(document=document))
            if stored:  # another attempt stored them first
                return stored
            files = []
            for result, data in zip(results, sealed, strict=True):
                name = file_name(document, result.variant)
                record = RenderedFile(
                    document=document, variant=result.variant, filename=name,
                    sha256=hashlib.sha256(data).hexdigest(),
                    pages=result.pdf.total_pages, size=len(data),
                )
                try:
                    record.file.save(name, ContentFile(data), save=False)
                except STORAGE_ERRORS as error:
                    raise StorageFailed(f"the PDFs could not be stored: {error}") from error
                written.append(record.file.name)
                record.save()
                seal.record(record, key)
                files.append(record)
            Rendering.objects.filter(pk=rendering.pk).update(
                status=Status.READY, error="", **_fresh_state()
            )
        return files
    except BaseException:
        for name in written:
            try:
                default_storage.delete(name)
            except STORAGE_ERRORS:
                logger.exception("could not remove %s after a failed rendering", name)
        raise


def _reason(error) -> str:
    if isinstance(error, RenderError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def _attempt_failed(document, claim, error) -> None:
    """The attempt holding `claim` failed: queue the next one after its delay, or record
    the rendering FAILED with the reason. Nothing happens if the claim was given away."""
    reason = _reason(error)[:2000]
    logger.error("rendering of document %s failed: %s", document.pk, reason)
    with transaction.atomic():
        rendering = Rendering.objects.select_for_update().filter(
            document=document, claim=claim, status=Status.RUNNING
        ).first()
        if rendering is None:
            return
        delays = settings.RENDER_RETRY_DELAYS
        if isinstance(error, RETRYABLE) and rendering.attempts < settings.RENDER_ATTEMPTS:
            delay = delays[min(rendering.attempts, len(delays)) - 1] if delays else 0
            at = timezone.now() + timedelta(seconds=delay)
            Rendering.objects.filter(pk=rendering.pk).update(
                status=Status.QUEUED, error=reason, **{**_fresh_state(), "retry_at": at}
            )
            transaction.on_commit(lambda: _enqueue(document.pk, at=at, again=True))
        else:
            Rendering.objects.filter(pk=rendering.pk).update(
                status=Status.FAILED, error=reason, **_fresh_state()
            )
            rendering_failed.send(sender=Rendering, document=document, error=reason)


def stalled_renders(now=None):
    """RUNNING renderings past their deadline: their worker stopped or hung."""
    now = now or timezone.now()
    limit = timedelta(seconds=settings.PDF_RENDER_TIMEOUT) + _grace()
    return Rendering.objects.filter(status=Status.RUNNING).filter(
        Q(deadline_at__lt=now) | Q(deadline_at__isnull=True, updated_at__lt=now - limit)
    )


def lost_renders(now=None) -> list[Rendering]:
    """QUEUED renderings whose task will never run them: none is waiting in the task
    queue (lost, failed, or claimed by a worker that died before it began)."""
    from .tasks import render_issued

    backend = render_issued.get_backend()
    if not queue.keeps_a_queue(backend):
        return []
    now = now or timezone.now()
    due = list(Rendering.objects.filter(status=Status.QUEUED).filter(
        Q(retry_at__lt=now - _grace()) | Q(retry_at__isnull=True, updated_at__lt=now - _grace())
    ))
    waiting = queue.waiting([r.task_id for r in due], backend, started_within=_grace())
    lost = [r for r in due if not r.task_id or r.task_id not in waiting]
    # Still queued under the same task now that the queue has answered (a worker may have
    # taken and finished it in between).
    still = set(Rendering.objects.filter(
        pk__in=[r.pk for r in lost], status=Status.QUEUED).values_list("pk", "task_id"))
    return [r for r in lost if (r.pk, r.task_id) in still]


def _uses_task_table() -> bool:
    """Whether tasks go through django_tasks_db's table (not RQ, not the tests' immediate
    runs)."""
    from .tasks import render_issued

    return queue.backend_path(render_issued.get_backend()) == queue.DB_BACKEND


def _fail_task(task_id: str, reason: str) -> None:
    """A task left RUNNING by a worker that died is marked failed in the task table."""
    if not task_id or not _uses_task_table():
        return
    from django_tasks_db.models import DBTaskResult

    task = DBTaskResult.objects.filter(id=task_id, status="RUNNING").first()
    if task is not None:
        task.set_failed(RenderStalled(reason))


def sweep_stale_renders(now=None) -> dict[str, int]:
    """Take back the renderings a dead or hung worker left (see the module docstring)."""
    now = now or timezone.now()
    counts = {"stalled": 0, "requeued": 0}
    for rendering in stalled_renders(now).select_related("document"):
        reason = (f"the rendering made no progress within its limit (last report "
                  f"{rendering.heartbeat_at or rendering.updated_at:%Y-%m-%d %H:%M:%S} UTC); "
                  "its worker stopped or hung")
        _fail_task(rendering.task_id, reason)
        _attempt_failed(rendering.document, rendering.claim, RenderStalled(reason))
        counts["stalled"] += 1
    for rendering in lost_renders(now):
        _fail_task(rendering.task_id, "the task was lost before its rendering began")
        queue.cancel(rendering.task_id)  # an overdue scheduled retry (RQ): not run as well
        _enqueue(rendering.document_id, again=True)
        counts["requeued"] += 1
    return counts


def requeue_failed() -> int:
    """Queue every FAILED rendering again with fresh attempts (`renders --requeue`)."""
    failed = list(Rendering.objects.filter(status=Status.FAILED).select_related("document"))
    for rendering in failed:
        with transaction.atomic():
            schedule_render(document=rendering.document)
    return len(failed)
