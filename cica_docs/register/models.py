"""Notifications to the Secretariat's staff: the in-app list, and the state of each e-mail."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cica_docs.documents.models import Document


class Delivery(models.TextChoices):
    """Where the e-mail of a notification or a notice stands."""

    OFF = "off", _("Not e-mailed")
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class StaffNotification(models.Model):
    """One person told of one change: a document submitted, returned, approved, or a
    rendering or a notice that failed. Mutable on purpose (read, e-mail sent): it is the
    state of a message, not a record of the change, which the workflow events keep."""

    class Event(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned to draft")
        APPROVED = "approved", _("Approved")
        RENDER_FAILED = "render_failed", _("PDF rendering failed")
        NOTICE_FAILED = "notice_failed", _("Notice to a delegate failed")
        ASSIGNED = "assigned", _("Assigned to you")

    Mail = Delivery

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="staff_notifications")
    event = models.CharField(_("event"), max_length=16, choices=Event.choices)
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                              blank=True, related_name="+")
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    mail = models.CharField(max_length=8, choices=Delivery.choices, default=Delivery.OFF)
    mail_error = models.TextField(blank=True)
    # When a worker claimed the e-mail (SENDING): the sweep queues it again if it is not
    # SENT MAIL_SWEEP_GRACE seconds later (`register/mail.py`).
    claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="register_unread_idx")]

    def __str__(self) -> str:
        return f"{self.recipient_id}: {self.event} {self.document_id}"


class NotificationPreference(models.Model):
    """Whether a member of staff wants notifications by e-mail too (default: yes)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="notification_preference")
    email = models.BooleanField(_("also by e-mail"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.email}"


class ChangeNotice(models.Model):
    """The e-mail telling one delegate that a document their state received has changed:
    withdrawn by the Secretariat, or corrected by a new document. Mutable: the state of a
    delivery (queued, sent, failed), as the dispatch notices."""

    class Change(models.TextChoices):
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CORRECTED = "corrected", _("Corrected")

    change = models.CharField(_("change"), max_length=16, choices=Change.choices)
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="+",
                                 help_text="The document the state received.")
    correction = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="+",
                                   null=True, blank=True)
    state = models.ForeignKey("circulation.MemberState", on_delete=models.PROTECT,
                              related_name="+")
    delegate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="change_notices")
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=8)
    comment = models.TextField(_("comment"), blank=True)
    mail = models.CharField(_("status"), max_length=8, choices=Delivery.choices,
                            default=Delivery.QUEUED)
    mail_error = models.TextField(_("last error"), blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("change notice")
        verbose_name_plural = _("change notices")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["change", "document", "correction", "delegate"],
                                    name="register_change_notice_once"),
        ]

    def __str__(self) -> str:
        return f"{self.change} {self.document_id} → {self.delegate_id}: {self.mail}"


class Assignment(models.Model):
    """A document given to a colleague to deal with, by a reviewer or a registrar, with an
    optional due date (by default the first day of the meeting it is for). Mutable: who
    has it now; every change is in the audit log, and the assignee is notified."""

    document = models.OneToOneField(Document, on_delete=models.CASCADE,
                                    related_name="assignment")
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("assigned to"),
                                 on_delete=models.PROTECT, related_name="assignments")
    due_on = models.DateField(_("due on"), null=True, blank=True)
    meeting = models.ForeignKey("meetings.Meeting", verbose_name=_("for the meeting"),
                                on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    assigned_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self) -> str:
        return f"{self.document_id} → {self.assignee_id} ({self.due_on})"

    @property
    def overdue(self) -> bool:
        from django.utils import timezone

        return self.due_on is not None and self.due_on < timezone.localdate()
