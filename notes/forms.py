from django import forms
from django.utils.translation import gettext_lazy as _

from cica_docs.documents.forms import DocumentForm
from cica_docs.languages import language_codes
from cica_docs.letterhead.models import Addressee

from .models import FormulaSet


class NoteForm(DocumentForm):
    kind_key = "note"

    addressee = forms.ModelChoiceField(
        label=_("Addressee"), queryset=Addressee.objects.all(), required=False
    )
    closing = forms.BooleanField(
        label=_("End with the closing formula"), required=False,
        help_text=_("Condolence notes and some other notes omit it."),
    )
    print_subject = forms.BooleanField(
        label=_("Print the subject line"), required=False,
        help_text=_("The title under the number, in each language's form "
                    "(“SUBJECT: …”, «Тема: …», «Тақырыбы: …»), as circular notes have it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each column says where the drafter's words stand in its own language's formula:
        # after "has the honour to", after «имеет честь», before «өзіне мәртебе санайды».
        formulas = FormulaSet.current()
        for lang in language_codes():
            before, slot, after = (
                getattr(formulas, f"opening_template_{lang}", "") or ""
            ).partition("{text}")
            if slot:
                self.fields[f"opening_{lang}"].help_text = _(
                    "Your words inside the opening formula: “… %(before)s ___ %(after)s”"
                ) % {"before": _words(before.rpartition("}")[2], last=True),
                     "after": _words(after.partition("{")[0]) or "…"}


def _words(text: str, *, last: bool = False, count: int = 6) -> str:
    words = text.split()
    return " ".join(words[-count:] if last else words[:count])
