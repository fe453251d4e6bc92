"""What is particular to notes verbales: the formulas and the note's text (the addressees
are the platform's, cica_docs/letterhead)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cica_docs.documents.models import Document
from cica_docs.letterhead.models import Addressee

from .placeholders import PlaceholderValidator


class FormulaSet(models.Model):
    """The note's formulas, per language. One row, edited by an administrator; the defaults
    are those of FORMAT_RULES.md. The letterhead, the sender's names, the place and the
    enclosure line are the platform's (cica_docs/letterhead `Letterhead`)."""

    opening_template = models.TextField(
        _("opening formula"),
        help_text=_("Placeholders: {sender}, {addressee} and {text} (the drafter's words)."),
        validators=[PlaceholderValidator("opening_template")],
    )
    closing_template = models.TextField(
        _("closing formula"), help_text=_("Placeholders: {sender_short} and {addressee}."),
        validators=[PlaceholderValidator("closing_template")],
    )

    class Meta:
        verbose_name = _("note formulas")
        verbose_name_plural = _("note formulas")

    def __str__(self) -> str:
        return str(_("Note formulas"))

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
