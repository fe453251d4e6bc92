"""Rendered PDFs of issued documents, kept in Django storage and never re-rendered.

A `RenderedFile` is written once per issued document and variant (a language, or the
package) with its SHA-256; downloads are served from storage. `Rendering` is the visible
progress of the issue-time rendering task.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cica_docs.db import AppendOnlyModel
from cica_docs.documents.models import Document

PACKAGE = "package"


def upload_to(instance, filename):
    return f"issued/{instance.document_id}/{filename}"


class RenderedFile(AppendOnlyModel):
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="rendered")
    variant = models.CharField(_("variant"), max_length=16)  # a language code or "package"
    file = models.FileField(upload_to=upload_to, max_length=300)
    filename = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    pages = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "rendering_renderedfile"  # made by the rendering app, before it moved here
        verbose_name = _("rendered file")
        verbose_name_plural = _("rendered files")
        ordering = ["document", "variant"]
        constraints = [
            models.UniqueConstraint(fields=["document", "variant"], name="rendering_once"),
        ]

    def __str__(self) -> str:
        return self.filename


class Rendering(models.Model):
    """The rendering task of one issued document, as the registrar sees it.

    Lifecycle (cica_docs/issuing/services.py): QUEUED -> RUNNING (a worker claimed it:
    `claim`, `attempts` + 1, `started_at`) -> READY; a failure that may pass (a timeout,
    a crash, a storage error, a worker that stopped) is QUEUED again for `retry_at` until
    the attempts are used up, then FAILED with its `error`. While RUNNING, the worker
    reports before each step (`heartbeat_at`) and promises the next report by `deadline_at`;
    a rendering past its deadline has stalled and the sweep takes it back.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Rendering")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    document = models.OneToOneField(Document, on_delete=models.CASCADE, related_name="rendering")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The attempt that owns the rendering: only its worker may store the files.
    claim = models.CharField(max_length=32, blank=True)
    task_id = models.CharField(max_length=64, blank=True)  # the queued task of the attempt
    retry_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    deadline_at = models.DateTimeField(null=True, blank=True)
    render_pid = models.PositiveIntegerField(null=True, blank=True)  # the render child's

    class Meta:
        db_table = "rendering_rendering"
        verbose_name = _("rendering")
        verbose_name_plural = _("renderings")

    def __str__(self) -> str:
        return f"{self.document_id}: {self.status}"
