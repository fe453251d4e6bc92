from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotesConfig(AppConfig):
    name = "notes"
    verbose_name = _("Notes verbales")

    def ready(self):
        from cica_docs.documents.kinds import Kind, register

        from .models import Note

        register(Kind(
            key="note",
            model=Note,
            label=_("Note verbale"),
            label_plural=_("Notes verbales"),
            translated_fields=("opening", "body", "place"),
            plain_fields=("addressee", "closing"),
            required_fields=("opening",),
            requires_series=True,
            takes_enclosures=True,
            form_class="notes.forms.NoteForm",
            preview_template="notes/note_preview.html",
            extra_checks="notes.checks.note_checks",
            preview_context="notes.printing.preview_context",
            print_parts="notes.printing.print_parts",
        ))
