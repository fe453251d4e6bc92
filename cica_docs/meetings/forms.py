from django import forms
from django.utils.translation import gettext_lazy as _

from cica_docs.circulation.forms import (
    BootstrapMixin,
    translated_fields,
    translated_initial,
    translations,
)

from .models import Meeting


class MeetingForm(BootstrapMixin, forms.Form):
    """A meeting in every language: its title is needed in each (the portal shows it in
    the delegate's language); the place may stay empty."""

    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=Meeting.Kind.choices)
    starts_on = forms.DateField(label=_("First day"),
                                widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, instance: Meeting | None = None, **kwargs):
        self.instance = instance
        if instance is not None:
            kwargs.setdefault("initial", {
                "kind": instance.kind, "starts_on": instance.starts_on,
                "ends_on": instance.ends_on, **translated_initial(instance, "title", "place")})
        super().__init__(*args, **kwargs)
        self.fields.update(translated_fields("title", _("title"), 300))
        places = translated_fields("place", _("place"), 200)
        for field in places.values():
            field.required = False
        self.fields.update(places)

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        return cleaned

    def values(self) -> dict:
        data = self.cleaned_data
        return {"kind": data["kind"], "starts_on": data["starts_on"], "ends_on": data["ends_on"],
                "titles": translations(data, "title"), "places": translations(data, "place")}


class DocumentMeetingsForm(forms.Form):
    meetings = forms.ModelMultipleChoiceField(
        label=_("Meetings"), queryset=Meeting.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple)
