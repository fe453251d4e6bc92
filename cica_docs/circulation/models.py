from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

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
