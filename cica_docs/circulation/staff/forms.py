from django import forms
from django.utils.translation import gettext_lazy as _

from cica_docs.circulation.models import CirculationList
from cica_docs.ids import parse_id


class ListField(forms.ModelChoiceField):
    """A circulation list by id; forged ids (foreign, negative, huge) are a form error."""

    def to_python(self, value):
        if value not in self.empty_values:
            try:
                number = int(str(value))
            except ValueError:
                number = 0
            if parse_id(number) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice"
                )
        return super().to_python(value)

    def label_from_instance(self, obj):
        return obj.name


class DispatchForm(forms.Form):
    circulation_list = ListField(
        label=_("Circulation list"), queryset=CirculationList.objects.all(),
        empty_label=None,
        error_messages={"invalid_choice": _("This circulation list does not exist (any more).")},
    )
    # The states the registrar was shown; the dispatch is refused if they changed since.
    expected = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["circulation_list"]
        field.choices = [(item.pk, item.name) for item in CirculationList.objects.sorted()]
        field.widget.attrs.update({"class": "form-select", "data-autosubmit": ""})

    def clean_expected(self):
        value = self.cleaned_data["expected"]
        if not value:
            return None
        try:
            ids = {int(part) for part in value.split(",")}
        except ValueError:
            raise forms.ValidationError(
                _("The form was altered; please reload the page."), code="expected"
            ) from None
        return ids
