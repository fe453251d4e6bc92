"""Meetings (SOC, SWG, Ministerial Council, Summit…) that documents are tagged with, and
the delegates' visits of the portal ("new since my last visit").

A tag is metadata about a document, not part of it: tagging an issued document changes
none of its text, revisions or PDFs. Tags are added and removed by staff (audited)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cica_docs.documents.models import Document


class Meeting(models.Model):
    class Kind(models.TextChoices):
        SOC = "soc", _("Senior Officials Committee (SOC)")
        SWG = "swg", _("Special Working Group (SWG)")
        MINISTERIAL = "ministerial", _("Ministerial Council")
        SUMMIT = "summit", _("Summit")
        OTHER = "other", _("Other meeting")

    kind = models.CharField(_("kind of meeting"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)  # per language (modeltranslation)
    place = models.CharField(_("place"), max_length=200, blank=True)  # per language
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")),
                                   name="meetings_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.title


class DocumentMeeting(models.Model):
    """Document `document` concerns meeting `meeting` (a tag; who tagged it is audited)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="meeting_tags")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="document_tags")
    tagged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    tagged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting of a document")
        verbose_name_plural = _("meetings of documents")
        constraints = [
            models.UniqueConstraint(fields=["document", "meeting"], name="meetings_tag_once"),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} · {self.meeting_id}"


class PortalVisit(models.Model):
    """A delegate's visits of the portal. A visit is one session: `previous_at` is when
    the delegate last looked at the inbox in an earlier session, `last_at` the latest
    inbox view (of this session). "New since my last visit" is measured from `previous_at`."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="portal_visit")
    previous_at = models.DateTimeField(null=True, blank=True)
    last_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.previous_at} / {self.last_at}"


class DocumentSeen(models.Model):
    """When a delegate last opened a document on the portal: a document opened after it
    arrived or changed is no longer new to them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "document"], name="meetings_seen_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} saw {self.document_id} at {self.at}"
