from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cica_docs.db import AppendOnlyError, AppendOnlyModel

__all__ = ["AppendOnlyError", "AuditChain", "AuditEvent"]


class AuditEvent(AppendOnlyModel):
    """One thing that happened: who did what to which object, when and from where.

    Append-only: written once by `cica_docs.audit.log.record`, never updated or deleted.
    Related rows are PROTECTed, because SET_NULL would have to update history.

    Tamper-evident: each event has its position in the log and the SHA-256 of its content
    together with the hash of the event before it (`cica_docs.audit.chain`), so a change or
    a removal made with higher rights than the app's breaks the chain at that event
    (`manage.py audit_verify`).
    """

    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept even when the actor is known: a username can later be changed.
    actor_username = models.CharField(_("username"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    target_type = models.ForeignKey(
        ContentType,
        verbose_name=_("target type"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    target_id = models.CharField(_("target id"), max_length=64, blank=True)
    target_repr = models.CharField(_("target"), max_length=300, blank=True)
    member_state = models.ForeignKey(
        "circulation.MemberState",
        verbose_name=_("member state"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    sequence = models.PositiveBigIntegerField(_("position in the log"), unique=True,
                                              editable=False)
    previous_hash = models.CharField(_("hash of the previous event"), max_length=64,
                                     editable=False)
    hash = models.CharField(_("hash"), max_length=64, editable=False)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_target_idx")]

    def __str__(self) -> str:
        who = self.actor_username or "-"
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {who} {self.action} {self.target_repr}"


class AuditChain(models.Model):
    """The head of the audit log's hash chain: one row, locked by every append, so that two
    events written at once are put one after the other and never fork the chain; it also
    says how long the chain is, so that removing its last events shows too."""

    length = models.PositiveBigIntegerField(_("number of events"), default=0)
    head_hash = models.CharField(_("hash of the last event"), max_length=64)

    class Meta:
        verbose_name = _("audit chain")
        verbose_name_plural = _("audit chain")

    def __str__(self) -> str:
        return f"{self.length}: {self.head_hash}"
