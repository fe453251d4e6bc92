"""The note verbale as a document kind (the platform's contract: documents/kinds.py)."""

from django.utils.translation import gettext_lazy as _

from cica_docs.documents.kinds import FEMININE, DocumentKind, register
from cica_docs.documents.references import REFERENCE_PLAIN_FIELDS, REFERENCE_TRANSLATED_FIELDS

from . import checks, printing
from .forms import NoteForm
from .models import Note


class NoteKind(DocumentKind):
    key = "note"
    model = Note
    label = _("Note verbale")
    label_plural = _("Notes verbales")
    translated_fields = ("opening", "body", "place", *REFERENCE_TRANSLATED_FIELDS)
    plain_fields = ("addressee", "closing", "print_subject", *REFERENCE_PLAIN_FIELDS)
    required_fields = ("opening",)
    requires_series = True
    takes_enclosures = True
    form_class = NoteForm
    api_path, api_item, api_component = "notes", "note", "Note"
    noun_gender = FEMININE  # «нота»

    def example(self):
        return {
            "languages": ["en", "ru", "kk"], "addressee": "cica-member-states",
            "title": {"en": "Meeting of experts", "ru": "Совещание экспертов",
                      "kk": "Сарапшылар кеңесі"},
            "opening": {
                "en": "inform that a meeting of experts will be held in Astana in May.",
                "ru": "сообщить, что совещание экспертов состоится в Астане в мае.",
                "kk": "мамыр айында Астанада сарапшылар кеңесі өтетінін хабарлауды",
            },
            "body": {"en": "The agenda will follow.", "ru": "Повестка дня будет направлена "
                     "дополнительно.", "kk": "Күн тәртібі қосымша жіберіледі."},
        }

    def checks(self, document):
        return checks.note_checks(document)

    def register_addressees(self, documents):
        notes = Note.objects.filter(pk__in=[document.pk for document in documents],
                                    addressee__isnull=False).select_related("addressee")
        return {note.pk: str(note.addressee) for note in notes}

    reference_pages = (("formulas", _("Note formulas")),)

    def reference_urls(self):
        from . import manage

        return manage.urlpatterns

    def formula_samples(self, *, addressee=None, letterhead=None):
        from .formulas import sample_copies
        from .models import FormulaSet

        return [
            {"language": copy["language"], "lines": [copy["opening"], copy["closing"]]}
            for copy in sample_copies(FormulaSet.current(), addressee, letterhead)
        ]

    def sample_parts(self, *, letterhead=None, emblem=None):
        return printing.sample_parts(letterhead=letterhead, emblem=emblem)

    def print_parts(self, document, *, enclosure_pages=()):
        return printing.print_parts(document, enclosure_pages=enclosure_pages)


register(NoteKind())
