from django import forms
from django.utils.translation import gettext_lazy as _

from cica_docs.documents.forms import DocumentForm

from .models import Addressee


class NoteForm(DocumentForm):
    kind_key = "note"

    addressee = forms.ModelChoiceField(
        label=_("Addressee"), queryset=Addressee.objects.all(), required=False
    )
    closing = forms.BooleanField(
        label=_("End with the closing formula"), required=False,
        help_text=_("Condolence notes and some other notes omit it."),
    )
