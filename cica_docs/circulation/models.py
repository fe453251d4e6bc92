from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from cica_docs.languages import sort_key


class MemberStateQuerySet(models.QuerySet):
    def sorted(self, language: str | None = None) -> list["MemberState"]:
        """The states in the alphabetical order of `language` (default: the active one)."""
        language = language or get_language()
        field = build_localized_fieldname("name", language)
        return sorted(self, key=lambda state: sort_key(getattr(state, field), language))


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

    objects = MemberStateQuerySet.as_manager()

    class Meta:
        verbose_name = _("member state")
        verbose_name_plural = _("member states")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name
