"""What is particular to a signed letter: its formulas (salutations and complimentary
closes), its signatories and the letter's own text. The letterhead, place and enclosure
line are the platform's (cica_docs/letterhead)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cica_docs.documents.models import Document


class Formula(models.Model):
    """A salutation ("Excellency,") or a complimentary close, in every language. The first
    of each part (by its position) is the one a letter prints unless it chooses another."""

    class Part(models.TextChoices):
        SALUTATION = "salutation", _("salutation")
        CLOSE = "close", _("complimentary close")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    part = models.CharField(_("part"), max_length=20, choices=Part.choices)
    text = models.TextField(_("text"))
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("The first of each part is the usual one."))

    class Meta:
        verbose_name = _("letter formula")
        verbose_name_plural = _("letter formulas")
        ordering = ["part", "position", "pk"]

    def __str__(self) -> str:
        return self.text

    @classmethod
    def usual(cls, part) -> "Formula | None":
        return cls.objects.filter(part=part).order_by("position", "pk").first()


class Signatory(models.Model):
    """Who signs: a name and a title in every language. The first (by position) signs a
    letter that names no one."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.name}, {self.title}"

    @classmethod
    def usual(cls) -> "Signatory | None":
        return cls.objects.order_by("position", "pk").first()


def _formula(part, verbose_name, related_name):
    return models.ForeignKey(
        Formula, verbose_name=verbose_name, on_delete=models.PROTECT, null=True, blank=True,
        limit_choices_to={"part": part}, related_name=related_name,
        help_text=_("Leave empty for the usual one."),
    )


class Letter(Document):
    addressee_block = models.TextField(
        _("addressee"), blank=True,
        help_text=_("As printed at the top, one line per line, e.g. “H.E. Dr. S. Jaishankar” / "
                    "“Minister of External Affairs” / “of the Republic of India” / “New Delhi”."),
    )
    salutation = _formula(Formula.Part.SALUTATION, _("salutation"), "+")
    body = models.TextField(
        _("body"), blank=True,
        help_text=_("In the signatory's words (“I have the honour…”). Blank line between "
                    "paragraphs; “- ” for bullets, “1. ” for numbered items, **bold**, *italic*."),
    )
    closing = models.BooleanField(_("ends with the complimentary close"), default=True)
    complimentary_close = _formula(Formula.Part.CLOSE, _("complimentary close"), "+")
    signatory = models.ForeignKey(
        Signatory, verbose_name=_("signatory"), on_delete=models.PROTECT, null=True, blank=True,
        help_text=_("Leave empty for the usual signatory."),
    )

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
