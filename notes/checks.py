from django.utils.translation import gettext_lazy as _

from cica_docs.documents.checks import ERROR, Finding


def note_checks(note) -> list[Finding]:
    if not note.addressee_id:
        return [Finding(ERROR, "no_addressee", _("Choose the addressee."))]
    return []
