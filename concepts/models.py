"""What is particular to a concept paper: its text, author line and month-year.

The printed title is the platform's translated `title`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cica_docs.documents.models import Document


class ConceptPaper(Document):
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_("Sections under headings (“# INTRODUCTION”), paragraphs separated by a "
                    "blank line, “- ” for bullets, “1. ” for numbered items, **bold**, *italic*."),
    )
    author = models.CharField(
        _("author line"), max_length=200, blank=True,
        help_text=_("Printed in bold at the end, above the month and year."),
    )
    paper_date = models.DateField(
        _("month and year"), null=True, blank=True,
        help_text=_("Printed under the author line, e.g. “March 2024”."),
    )

    class Meta:
        verbose_name = _("concept paper")
        verbose_name_plural = _("concept papers")
