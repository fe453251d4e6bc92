"""Document parts every kind may print: the letterhead, the sender's names and place, and
the addressees in the forms each language needs."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .placeholders import TemplateValidator


class Addressee(models.Model):
    """Who a document is addressed to, in the two forms each language needs."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    dative = models.CharField(
        _("in the formulas"),
        max_length=300,
        help_text=_("The form used inside the courtesy formulas, e.g. “the CICA Member States”."),
    )
    block = models.TextField(
        _("address block"),
        help_text=_("One line per line, printed as typed unless “block in capitals” is "
                    "ticked."),
    )
    block_in_capitals = models.BooleanField(
        _("block in capitals"), default=False, db_default=False,
        help_text=_("Print the address block in capitals, as for a collective addressee."),
    )

    class Meta:
        verbose_name = _("addressee")
        verbose_name_plural = _("addressees")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.dative or self.code


class Letterhead(models.Model):
    """The Secretariat's letterhead, names and place, per language: what every kind prints
    at the top of a copy and inside its formulas. One row, edited by an administrator."""

    sender_full = models.CharField(
        _("sender, full name"), max_length=300, validators=[TemplateValidator()]
    )
    sender_short = models.CharField(
        _("sender, short name"), max_length=200, validators=[TemplateValidator()]
    )
    place = models.CharField(_("place"), max_length=100, validators=[TemplateValidator()])
    letterhead = models.TextField(
        _("letterhead"), help_text=_("Lines printed at the top of this language's copy."),
        validators=[TemplateValidator()],
    )
    enclosure_template = models.CharField(
        _("enclosure line"), max_length=200, help_text=_("Placeholder: {pages}."),
        validators=[TemplateValidator(("pages",), ("pages",))],
    )
    emblem = models.ImageField(
        _("emblem"), upload_to="letterhead/", blank=True,
        help_text=_("Optional image printed above the letterhead (PNG or JPEG)."),
    )

    class Meta:
        verbose_name = _("letterhead")
        verbose_name_plural = _("letterhead")

    def __str__(self) -> str:
        return str(_("Letterhead"))

    @classmethod
    def current(cls) -> "Letterhead":
        return cls.objects.order_by("pk").first() or cls()
