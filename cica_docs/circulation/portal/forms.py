from django import forms
from django.utils.translation import gettext_lazy as _

from cica_docs.documents.kinds import kinds


class InboxFilterForm(forms.Form):
    """Filters of the inbox; a forged value is shown as an error and filters nothing."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    q = forms.CharField(label=_("Number or subject"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            ("", _("All kinds")), *[(kind.key, kind.label_plural) for kind in kinds()]
        ]
        self.fields["kind"].widget.attrs.update({"class": "form-select", "data-autosubmit": ""})
        self.fields["q"].widget.attrs.update({"class": "form-control", "type": "search"})

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {"kind": "", "q": ""}
        return {"kind": self.cleaned_data["kind"], "q": self.cleaned_data["q"].strip()}
