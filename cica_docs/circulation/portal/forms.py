from django import forms
from django.utils.translation import gettext_lazy as _

from cica_docs.documents.kinds import kinds
from cica_docs.meetings.models import Meeting


class InboxFilterForm(forms.Form):
    """Filters of the inbox; a forged value is shown as an error and filters nothing."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    q = forms.CharField(label=_("Number or subject"), required=False, max_length=200)
    meeting = forms.ModelChoiceField(label=_("Meeting"), required=False,
                                     queryset=Meeting.objects.none(), empty_label=_("All meetings"))
    topic = forms.ChoiceField(label=_("Kind of meeting"), required=False,
                              choices=[("", _("All kinds of meeting")), *Meeting.Kind.choices])
    new = forms.BooleanField(label=_("Only what is new since my last visit"), required=False)

    def __init__(self, *args, meetings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            ("", _("All kinds")), *[(kind.key, kind.label_plural) for kind in kinds()]
        ]
        if meetings is not None:
            self.fields["meeting"].queryset = meetings
        for name in ("kind", "meeting", "topic"):
            self.fields[name].widget.attrs.update({"class": "form-select", "data-autosubmit": ""})
        self.fields["new"].widget.attrs.update({"class": "form-check-input"})
        self.fields["q"].widget.attrs.update({"class": "form-control", "type": "search"})

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {"kind": "", "q": "", "meeting": None, "topic": "", "new": False}
        data = self.cleaned_data
        return {"kind": data["kind"], "q": data["q"].strip(), "meeting": data["meeting"],
                "topic": data["topic"], "new": data["new"]}
