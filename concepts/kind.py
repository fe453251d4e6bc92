"""The concept paper as a document kind (the platform's contract: documents/kinds.py)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cica_docs.documents.kinds import DocumentKind, register
from cica_docs.documents.models import Document

from . import checks, printing
from .apps import DEFAULT_AUTHOR
from .forms import ConceptPaperForm
from .models import ConceptPaper

State = Document.State


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
    state_labels = {
        State.DRAFT: pgettext_lazy("state of a concept paper", "Draft"),
        State.SUBMITTED: pgettext_lazy("state of a concept paper", "Submitted for review"),
        State.APPROVED: pgettext_lazy("state of a concept paper", "Approved"),
        State.ISSUED: pgettext_lazy("state of a concept paper", "Issued"),
        State.WITHDRAWN: pgettext_lazy("state of a concept paper", "Withdrawn"),
        State.DISCARDED: pgettext_lazy("state of a concept paper", "Discarded"),
    }

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

    def checks(self, document):
        return checks.concept_checks(document)

    def print_parts(self, document, *, enclosure_pages=()):
        return printing.print_parts(document, enclosure_pages=enclosure_pages)


register(ConceptPaperKind())
