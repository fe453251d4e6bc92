from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from cica_docs.db import AppendOnlyModel
from cica_docs.documents.models import Document, IssuedRevision
from cica_docs.issuing.models import PACKAGE
from cica_docs.languages import sort_key


def _sorted_by_name(items, language: str | None) -> list:
    language = language or get_language() or settings.LANGUAGE_CODE
    field = build_localized_fieldname("name", language)
    return sorted(items, key=lambda item: sort_key(getattr(item, field) or "", language))


class MemberStateQuerySet(models.QuerySet):
    def sorted(self, language: str | None = None) -> list["MemberState"]:
        """The states in the alphabetical order of `language` (default: the active one)."""
        return _sorted_by_name(self, language)

    def active(self):
        return self.filter(is_active=True)


class MemberState(models.Model):
    """A party to CICA: member state, observer state or international organisation."""

    class Status(models.TextChoices):
        MEMBER = "member", _("Member state")
        OBSERVER = "observer", _("Observer")
        ORGANISATION = "organisation", _("Organisation")

    code = models.CharField(
        _("code"), max_length=8, unique=True, help_text=_("ISO 3166 alpha-3 code or a short tag.")
    )
    name = models.CharField(_("short name"), max_length=200)
    full_name = models.CharField(_("full name"), max_length=300)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.MEMBER
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_(
            "Inactive parties keep their history but can no longer be put on circulation "
            "lists or given new delegates."
        ),
    )

    objects = MemberStateQuerySet.as_manager()

    class Meta:
        verbose_name = _("member state")
        verbose_name_plural = _("member states")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("manage:state-edit", args=[self.pk])


class CirculationListQuerySet(models.QuerySet):
    def sorted(self, language: str | None = None) -> list["CirculationList"]:
        """The default list first, then the others by the alphabet of `language`."""
        return sorted(_sorted_by_name(self, language), key=lambda item: not item.is_default)


class CirculationList(models.Model):
    """A named set of member states that documents are dispatched to."""

    name = models.CharField(_("name"), max_length=200)
    states = models.ManyToManyField(
        MemberState, verbose_name=_("member states"), related_name="circulation_lists"
    )
    is_default = models.BooleanField(
        _("default list"),
        default=False,
        editable=False,
        help_text=_("The list offered first when dispatching; it cannot be deleted."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = CirculationListQuerySet.as_manager()

    class Meta:
        verbose_name = _("circulation list")
        verbose_name_plural = _("circulation lists")
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="circulation_list_one_default",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("manage:list-edit", args=[self.pk])


# --- Dispatch, notices and receipts ---------------------------------------------------------


class DispatchQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DispatchQuerySet":
        """THE rule of the delegate portal (SECURITY.md promise 1): the dispatches that reached
        `user`'s own member state. Every portal page, download, preview, search and count
        starts here; anyone who is not an active delegate sees nothing.

        A state receives a document at most once (`circulation_dispatch_once_per_state`), so
        this gives at most one dispatch per document.
        """
        if not (user.is_authenticated and user.is_active and user.is_delegate):
            return self.none()
        return self.filter(recipients__state_id=user.member_state_id)


class Dispatch(AppendOnlyModel):
    """An issued document sent to a circulation list at a moment, to the states it held then."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.PROTECT, related_name="dispatches"
    )
    issued = models.ForeignKey(
        IssuedRevision, verbose_name=_("issued revision"), on_delete=models.PROTECT,
        related_name="dispatches",
    )
    circulation_list = models.ForeignKey(
        CirculationList, verbose_name=_("circulation list"), on_delete=models.PROTECT,
        related_name="dispatches",
    )
    dispatched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dispatched by"), on_delete=models.PROTECT,
        related_name="+",
    )
    dispatched_at = models.DateTimeField(_("dispatched"), auto_now_add=True, db_index=True)

    objects = DispatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("dispatch")
        verbose_name_plural = _("dispatches")
        ordering = ["-dispatched_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.issued} → {self.circulation_list}"

    def get_absolute_url(self) -> str:
        return reverse("dispatch:detail", args=[self.pk])


class DispatchRecipient(AppendOnlyModel):
    """A member state a dispatch went to, frozen when it was sent."""

    dispatch = models.ForeignKey(Dispatch, on_delete=models.PROTECT, related_name="recipients")
    # Repeated from the dispatch so the database can refuse a second dispatch to a state.
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="+")
    state = models.ForeignKey(
        MemberState, verbose_name=_("member state"), on_delete=models.PROTECT,
        related_name="dispatch_recipients",
    )

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        ordering = ["dispatch", "state"]
        # A delegate's inbox: the dispatches that reached one state.
        indexes = [models.Index(fields=["state", "dispatch"], name="circulation_recipient_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "state"], name="circulation_dispatch_once_per_state"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dispatch_id} → {self.state.code}"


class Notice(models.Model):
    """The e-mail telling one delegate that a document was dispatched to their state.

    Mutable on purpose: it is the state of a delivery (queued, sent, failed and retried),
    not a record of the dispatch, which stays untouched whatever happens to the mail.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    dispatch = models.ForeignKey(Dispatch, on_delete=models.PROTECT, related_name="notices")
    state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="+")
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("delegate"), on_delete=models.PROTECT,
        related_name="notices",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    retry_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["dispatch", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["dispatch", "delegate"], name="circulation_one_notice"),
        ]

    def __str__(self) -> str:
        return f"{self.dispatch_id} → {self.email}: {self.status}"


class Receipt(AppendOnlyModel):
    """A delegate received a dispatched document: one row per PDF served by the portal, and
    one when a delegation acknowledges receipt formally (no file: `variant` is empty)."""

    class Mode(models.TextChoices):
        # Nouns (how a file was received), not the buttons' verbs: «скачивание», not «Скачать».
        DOWNLOAD = "download", pgettext_lazy("how a file was received", "Download")
        PREVIEW = "preview", pgettext_lazy("how a file was received", "Preview")
        ACKNOWLEDGE = "acknowledge", _("Acknowledgement of receipt")

    FILE_MODES = (Mode.DOWNLOAD, Mode.PREVIEW)

    dispatch = models.ForeignKey(Dispatch, on_delete=models.PROTECT, related_name="receipts")
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="receipts")
    issued = models.ForeignKey(IssuedRevision, on_delete=models.PROTECT, related_name="+")
    state = models.ForeignKey(
        MemberState, verbose_name=_("member state"), on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("delegate"), on_delete=models.PROTECT,
        related_name="receipts",
    )
    variant = models.CharField(_("file"), max_length=16)
    mode = models.CharField(_("how"), max_length=16, choices=Mode.choices)
    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["document", "state"], name="circulation_receipt_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.document_id} {self.variant}"

    @property
    def variant_label(self) -> str:
        """The file as a reader names it: its language ("Russian"), or "Package"."""
        return variant_label(self.variant)


ENCLOSURE_PREFIX = "enclosure"


def enclosure_variant(position: int, language: str = "") -> str:
    """A receipt's `variant` for one enclosure served on its own: "enclosure1-ru" (the
    first enclosure, in Russian) or "enclosure2" (an uploaded PDF, in no language)."""
    return f"{ENCLOSURE_PREFIX}{position + 1}" + (f"-{language}" if language else "")


def variant_label(variant: str) -> str:
    if variant == PACKAGE:
        return str(_("Package"))
    if variant.startswith(ENCLOSURE_PREFIX):
        number, _dash, language = variant.removeprefix(ENCLOSURE_PREFIX).partition("-")
        if language:
            return _("Enclosure %(number)s, %(language)s") % {
                "number": number, "language": dict(settings.LANGUAGES).get(language, language)}
        return _("Enclosure %(number)s") % {"number": number}
    return str(dict(settings.LANGUAGES).get(variant, variant))
