"""What is particular to notes verbales: the formulas and the note's text (the addressees
are the platform's, cica_docs/letterhead)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cica_docs.documents.models import Document
from cica_docs.letterhead.models import Addressee

from .placeholders import PlaceholderValidator


class FormulaSet(models.Model):
    """The Secretariat's formulas, place and letterhead, per language. One row, edited by
    an administrator; the defaults are those of FORMAT_RULES.md."""

    sender_full = models.CharField(
        _("sender, full name"), max_length=300, validators=[PlaceholderValidator("sender_full")]
    )
    sender_short = models.CharField(
        _("sender, short name"), max_length=200,
        validators=[PlaceholderValidator("sender_short")],
    )
    opening_template = models.TextField(
        _("opening formula"),
        help_text=_("Placeholders: {sender}, {addressee} and {text} (the drafter's words)."),
        validators=[PlaceholderValidator("opening_template")],
    )
    closing_template = models.TextField(
        _("closing formula"), help_text=_("Placeholders: {sender_short} and {addressee}."),
        validators=[PlaceholderValidator("closing_template")],
    )
    enclosure_template = models.CharField(
        _("enclosure line"), max_length=200, help_text=_("Placeholder: {pages}."),
        validators=[PlaceholderValidator("enclosure_template")],
    )
    place = models.CharField(
        _("place"), max_length=100, validators=[PlaceholderValidator("place")]
    )
    letterhead = models.TextField(
        _("letterhead"), help_text=_("Lines printed at the top of this language's copy."),
        validators=[PlaceholderValidator("letterhead")],
    )
    emblem = models.ImageField(
        _("emblem"), upload_to="letterhead/", blank=True,
        help_text=_("Optional image printed above the letterhead (PNG or JPEG)."),
    )

    class Meta:
        verbose_name = _("formulas and letterhead")
        verbose_name_plural = _("formulas and letterhead")

    def __str__(self) -> str:
        return str(_("Formulas and letterhead"))

    @classmethod
    def current(cls) -> "FormulaSet":
        return cls.objects.order_by("pk").first() or cls()


class Note(Document):
    addressee = models.ForeignKey(
        Addressee, verbose_name=_("addressee"), on_delete=models.PROTECT, null=True, blank=True
    )
    opening = models.TextField(
        _("opening"),
        blank=True,
        help_text=_("Your words inside the opening formula."),
    )
    body = models.TextField(
        _("body"),
        blank=True,
        help_text=_("Further paragraphs. Blank line between paragraphs; "
                    "“- ” for bullets, “1. ” for numbered items, **bold**, *italic*."),
    )
    closing = models.BooleanField(_("closing formula"), default=True)
    print_subject = models.BooleanField(
        _("subject line"), default=False,
        help_text=_("Print the title as the subject under the number, as circular notes do."),
    )
    place = models.CharField(
        _("place"), max_length=100, blank=True, help_text=_("Leave empty for the usual place.")
    )

    class Meta:
        verbose_name = _("note verbale")
        verbose_name_plural = _("notes verbales")
