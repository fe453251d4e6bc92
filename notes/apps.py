from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class NotesConfig(AppConfig):
    name = "notes"
    verbose_name = _("Notes verbales")

    def ready(self):
        from cica_docs.documents.kinds import Kind, register
        from cica_docs.documents.models import Document

        from .models import Note

        State = Document.State
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
            state_labels={
                State.DRAFT: pgettext_lazy("state of a note verbale", "Draft"),
                State.SUBMITTED: pgettext_lazy("state of a note verbale", "Submitted for review"),
                State.APPROVED: pgettext_lazy("state of a note verbale", "Approved"),
                State.ISSUED: pgettext_lazy("state of a note verbale", "Issued"),
                State.WITHDRAWN: pgettext_lazy("state of a note verbale", "Withdrawn"),
                State.DISCARDED: pgettext_lazy("state of a note verbale", "Discarded"),
            },
        ))
