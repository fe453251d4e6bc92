from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The default author line, offered in a new paper's form (each paper may change it).
DEFAULT_AUTHOR = {"en": "CICA Secretariat", "ru": "Секретариат СВМДА",
                  "kk": "Азия Кеңесінің Хатшылығы"}


class ConceptsConfig(AppConfig):
    name = "concepts"
    verbose_name = _("Concept papers")

    def ready(self):
        from cica_docs.documents.kinds import Kind, register
        from cica_docs.documents.models import Document

        from .models import ConceptPaper

        State = Document.State
        register(Kind(
            key="concept",
            model=ConceptPaper,
            label=_("Concept paper"),
            label_plural=_("Concept papers"),
            translated_fields=("body", "author"),
            plain_fields=("paper_date",),
            required_fields=("body",),
            requires_series=False,
            enclosable=True,
            form_class="concepts.forms.ConceptPaperForm",
            preview_template="concepts/concept_preview.html",
            extra_checks="concepts.checks.concept_checks",
            preview_context="concepts.printing.preview_context",
            print_parts="concepts.printing.print_parts",
            state_labels={
                State.DRAFT: pgettext_lazy("state of a concept paper", "Draft"),
                State.SUBMITTED: pgettext_lazy("state of a concept paper", "Submitted for review"),
                State.APPROVED: pgettext_lazy("state of a concept paper", "Approved"),
                State.ISSUED: pgettext_lazy("state of a concept paper", "Issued"),
                State.WITHDRAWN: pgettext_lazy("state of a concept paper", "Withdrawn"),
                State.DISCARDED: pgettext_lazy("state of a concept paper", "Discarded"),
            },
            options={"initial": {f"author_{lang}": text for lang, text in DEFAULT_AUTHOR.items()}},
        ))
