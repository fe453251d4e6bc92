from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from . import roles


class User(AbstractUser):
    """A Secretariat officer or a member-state delegate.

    A delegate belongs to exactly one member state; staff belong to none.
    """

    member_state = models.ForeignKey(
        "circulation.MemberState",
        verbose_name=_("member state"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegates",
        help_text=_("Delegates only: the state whose documents this person receives."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Language of the interface and of e-mail notices."),
    )
    # Raised when access is ended (accounts/sessions.py): part of the session hash, so every
    # session of the person dies whatever the session engine keeps them in.
    session_epoch = models.PositiveIntegerField(_("session generation"), default=0,
                                                editable=False)

    def _get_session_auth_hash(self, secret=None):
        """Django's hash of the password, and of the session generation once it was raised
        (so sessions from before this field was added stay valid until access is ended)."""
        key_salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        epoch = self.session_epoch
        value = f"{self.password}:{epoch}" if epoch else self.password
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]
        permissions = [
            ("view_secretariat_work", _("Can see the Secretariat's work list")),
            ("draft_documents", _("Can draft and submit documents")),
            ("review_documents", _("Can approve or return documents")),
            ("register_documents", _("Can issue, withdraw and dispatch documents")),
            ("manage_reference_data", _("Can manage member states, lists and series")),
            ("discard_documents", _("Can discard and restore anyone's drafts")),
            ("access_portal", _("Can use the delegate portal")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(member_state__isnull=False, is_staff=True),
                name="accounts_user_delegate_not_staff",
            ),
        ]

    def role_names(self) -> list[str]:
        return sorted(self.groups.values_list("name", flat=True))

    def role_labels(self) -> list[str]:
        return [str(roles.ROLE_LABELS.get(name, name)) for name in self.role_names()]

    @property
    def is_delegate(self) -> bool:
        return self.member_state_id is not None and self.has_perm("accounts.access_portal")

    @property
    def is_secretariat(self) -> bool:
        return self.has_perm("accounts.view_secretariat_work")

    def landing_url(self) -> str:
        """Where a person lands after login: staff on their work queues, delegates on the
        inbox."""
        if self.is_secretariat:
            return reverse("my-work")
        if self.is_delegate:
            return reverse("portal:inbox")
        return reverse("accounts:no-role")


class DemoRecord(models.Model):
    """A record that `manage.py demo` created, under a stable key ("user:drafter",
    "note:senior-officials-2026"). The demo finds its own records by these keys and touches
    nothing else: a real user called `admin`, a real note or a real register is never
    edited, issued or dispatched by it (SECURITY.md promise 11)."""

    key = models.CharField(_("key"), max_length=100, unique=True)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("demo record")
        verbose_name_plural = _("demo records")
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"],
                                    name="accounts_demo_record_once"),
        ]

    def __str__(self) -> str:
        return self.key


class ApiTokenOrigin(models.Model):
    """How an API token was made: on the account page in a session that passed two-factor
    sign-in, or otherwise (`manage.py api_token`, or a session without a second factor).
    Issuing and dispatching through the API need a token of the first kind
    (api/access.py `require_two_factor`); a token without this row is of the second."""

    token = models.OneToOneField("authtoken.Token", on_delete=models.CASCADE,
                                 primary_key=True, related_name="origin")
    two_factor = models.BooleanField(_("created after two-factor sign-in"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("API token origin")
        verbose_name_plural = _("API token origins")

    def __str__(self) -> str:
        return f"{self.token_id[:6]}… two_factor={self.two_factor}"
