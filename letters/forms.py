from django import forms
from django.utils.translation import gettext_lazy as _

from cica_docs.documents.forms import DocumentForm

from .models import Formula, Signatory


def _choice(label, queryset):
    return forms.ModelChoiceField(label=label, queryset=queryset, required=False,
                                  empty_label=_("The usual one"))


class LetterForm(DocumentForm):
    kind_key = "letter"

    salutation = _choice(_("Salutation"), Formula.objects.filter(part=Formula.Part.SALUTATION))
    closing = forms.BooleanField(label=_("End with the complimentary close"), required=False)
    complimentary_close = _choice(_("Complimentary close"),
                                  Formula.objects.filter(part=Formula.Part.CLOSE))
    signatory = _choice(_("Signatory"), Signatory.objects.all())
