"""The concept paper as a document kind (the platform's contract: documents/kinds.py)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cica_docs.documents.fields import first_of_month
from cica_docs.documents.kinds import FEMININE, DocumentKind, register

from . import checks, printing
from .apps import DEFAULT_AUTHOR
from .forms import ConceptPaperForm
from .models import ConceptPaper


class ConceptPaperKind(DocumentKind):
    key = "concept"
    model = ConceptPaper
    label = _("Concept paper")
    label_plural = _("Concept papers")
    translated_fields = ("body", "author")
    plain_fields = ("paper_date",)
    required_fields = ("body",)
    requires_series = False
    enclosable = True
    initial = {f"author_{lang}": text for lang, text in DEFAULT_AUTHOR.items()}
    form_class = ConceptPaperForm
    api_path, api_item, api_component = "concept-papers", "concept_paper", "ConceptPaper"
    noun_gender = FEMININE  # «концепция»

    def example(self):
        return {
            "languages": ["en", "ru", "kk"], "paper_date": "2026-11-01",
            "title": {"en": "on Cooperation in Education", "ru": "о сотрудничестве в области "
                      "образования", "kk": "білім беру саласындағы ынтымақтастық туралы"},
            "body": {
                "en": "# INTRODUCTION\n\nThe paper sets out the terms of cooperation.",
                "ru": "# ВВЕДЕНИЕ\n\nВ документе изложены условия сотрудничества.",
                "kk": "# КІРІСПЕ\n\nҚұжатта ынтымақтастық шарттары баяндалған.",
            },
        }

    def validate_content(self, content, *, document):
        # A paper is dated by its month: stored as the month's first day.
        if not content["plain"].get("paper_date"):
            return {}
        try:
            content["plain"]["paper_date"] = first_of_month(
                content["plain"]["paper_date"]).isoformat()
        except (ValidationError, ValueError) as error:
            return {"paper_date": getattr(error, "messages", None)
                    or [str(forms.DateField.default_error_messages["invalid"])]}
        return {}

    def checks(self, document):
        return checks.concept_checks(document)

    def print_parts(self, document, *, enclosure_pages=()):
        return printing.print_parts(document, enclosure_pages=enclosure_pages)


register(ConceptPaperKind())
