"""Every failure of the issue-time rendering ends READY or visibly FAILED with its reason:
storage that cannot be written, a render over its limit, a worker that stopped (the sweep),
two attempts at once. One-language notes keep each attempt to two small renders."""

import io
import os
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from cica_docs.documents import services
from cica_docs.issuing import services as rendering
from cica_docs.issuing.models import RenderedFile, Rendering
from tests.factories import approved_note

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(drafter, reviewer, registrar, django_capture_on_commit_callbacks):
    def make(*, execute=True):
        note = approved_note(drafter, reviewer, languages=("en",))
        with django_capture_on_commit_callbacks(execute=execute):
            services.document_issue(document=note, by=registrar)
        note.refresh_from_db()
        return note

    return make


def _alive(pid: int) -> bool:
    return os.path.exists(f"/proc/{pid}")


def test_unwritable_storage_fails_with_its_reason_and_renders_after_a_retry(
    issue, settings, tmp_path, client, registrar, django_capture_on_commit_callbacks
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a regular file where the media folder should be")
    settings.MEDIA_ROOT = blocker / "media"  # every write fails: NotADirectoryError
    settings.RENDER_ATTEMPTS = 2
    note = issue()
    failed = Rendering.objects.get(document=note)
    assert (failed.status, failed.attempts) == ("failed", 2)
    assert "could not be stored" in failed.error and "Not a directory" in failed.error
    assert not RenderedFile.objects.filter(document=note).exists()
    client.force_login(registrar)
    page = client.get(f"/en/work/{note.pk}/")
    assert "Rendering failed after 2 attempts:" in page.text and "Render again" in page.text

    settings.MEDIA_ROOT = tmp_path / "media"  # the storage is fixed
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/work/{note.pk}/pdf/retry/")
    ready = Rendering.objects.get(document=note)
    assert (ready.status, ready.attempts, ready.error) == ("ready", 1, "")
    assert RenderedFile.objects.filter(document=note).count() == 2


def test_a_render_over_its_limit_is_killed_retried_and_then_shown_failed(issue, settings):
    # 1 ms: no render of a note (a fork and a layout) is that fast; 50 ms now may be.
    settings.PDF_RENDER_TIMEOUT = 0.001
    settings.PDF_RENDER_TIMEOUT_PER_KB = 0
    settings.RENDER_ATTEMPTS = 2
    note = issue()
    failed = Rendering.objects.get(document=note)
    assert (failed.status, failed.attempts) == ("failed", 2)
    assert "took longer than 0.001 s" in failed.error
    assert not RenderedFile.objects.filter(document=note).exists()
    assert rendering.missing_pdfs(note) == ["en", "package"]


def test_the_render_child_is_gone_once_its_limit_passes(settings, drafter, reviewer):
    from cica_docs.rendering.pdf import RenderTimeout, render_pdf, reporting

    settings.PDF_RENDER_TIMEOUT = 0.05
    settings.PDF_RENDER_TIMEOUT_PER_KB = 0
    seen = []
    body = "<p>" + "Long sentence of the note verbale. " * 40 + "</p>"
    with reporting(lambda pid, limit: seen.append((pid, limit))), \
            pytest.raises(RenderTimeout, match="took longer than"):
        render_pdf(html=body * 200, title="t", author="a", language="en")
    [(pid, limit)] = seen
    assert limit == 0.05 and pid != os.getpid()
    assert not _alive(pid)


def test_the_limit_grows_with_the_document(settings):
    from cica_docs.rendering.pdf import Part, render_limit

    settings.PDF_RENDER_TIMEOUT = 60
    settings.PDF_RENDER_TIMEOUT_PER_KB = 0.25
    small = render_limit([Part("a", "<p>x</p>")])
    large = render_limit([Part("a", "<p>" + "x" * 400 * 1024 + "</p>")])
    assert 60 <= small < 61 and 159 < large < 161


def test_a_failure_that_may_pass_is_retried_later_through_the_task_queue(
    issue, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default"]}}
    settings.PDF_RENDER_TIMEOUT = 0.001  # no render is that fast
    settings.PDF_RENDER_TIMEOUT_PER_KB = 0
    settings.RENDER_RETRY_DELAYS = (45, 300)
    note = issue()  # queued in the task table, not run
    first = DBTaskResult.objects.get()
    assert Rendering.objects.get(document=note).task_id == str(first.id)
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Exception):
        rendering.issued_render(document_id=note.pk, task_id=str(first.id))
    queued = Rendering.objects.get(document=note)
    assert (queued.status, queued.attempts) == ("queued", 1)
    assert "took longer than" in queued.error
    assert before + timedelta(seconds=44) < queued.retry_at < timezone.now() + timedelta(45)
    retry = DBTaskResult.objects.exclude(pk=first.pk).get()
    assert retry.status == "READY" and retry.run_after == queued.retry_at
    assert queued.task_id == str(retry.id)
    assert rendering.lost_renders() == []  # its task waits for its time


def test_a_stalled_rendering_is_taken_back_by_the_sweep_and_listed(
    issue, settings, django_capture_on_commit_callbacks
):
    settings.RENDER_ATTEMPTS = 1
    note = issue(execute=False)
    claim = rendering._claim(note, "")
    assert claim and rendering._claim(note, "") is None  # a second worker gets nothing
    later = timezone.now() + timedelta(hours=1)
    assert list(rendering.stalled_renders(later)) == [Rendering.objects.get(document=note)]
    assert rendering.sweep_stale_renders(later) == {"stalled": 1, "requeued": 0}
    failed = Rendering.objects.get(document=note)
    assert failed.status == "failed" and "made no progress within its limit" in failed.error
    # The worker that held it comes back: it may no longer store anything.
    with pytest.raises(rendering._ClaimLost):
        rendering._store(note, claim, [])

    out = _command_output("renders")
    assert "failed" in out and str(note.pk) in out and "made no progress" in out
    with django_capture_on_commit_callbacks(execute=True):
        call_command("renders", "--requeue", stdout=io.StringIO())
    assert Rendering.objects.get(document=note).status == "ready"
    assert _command_output("renders", expect_error=False) == (
        "No stalled, lost or failed renderings.\n")


def _command_output(*args, expect_error=True) -> str:
    out = io.StringIO()
    if expect_error:
        with pytest.raises(CommandError, match="need attention"):
            call_command(*args, stdout=out)
    else:
        call_command(*args, stdout=out)
    return out.getvalue()
