"""Document parts every kind may print: the addressees, in the forms each language needs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
        help_text=_("Printed at the end of the note, in capitals; one line per line."),
    )

    class Meta:
        verbose_name = _("addressee")
        verbose_name_plural = _("addressees")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.dative or self.code
