from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The default author line, offered in a new paper's form (each paper may change it).
DEFAULT_AUTHOR = {"en": "CICA Secretariat", "ru": "Секретариат СВМДА",
                  "kk": "Азия Кеңесінің Хатшылығы"}


class ConceptsConfig(AppConfig):
    name = "concepts"
    verbose_name = _("Concept papers")

    def ready(self):
        from cica_docs.documents.kinds import Kind, register

        from .models import ConceptPaper

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
            options={"initial": {f"author_{lang}": text for lang, text in DEFAULT_AUTHOR.items()}},
        ))
