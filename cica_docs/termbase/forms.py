from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from cica_docs.circulation.forms import BootstrapMixin
from cica_docs.languages import language_codes
from cica_docs.rendering.markup import clean_text

from .matching import words
from .models import Term

LANGUAGE_NAMES = dict(settings.LANGUAGES)


class TermForm(BootstrapMixin, forms.Form):
    """A term in each language, each into its own column. English is required (terms are
    listed by it); a language left empty is not known yet and is not checked."""

    category = forms.ChoiceField(label=_("Category"), choices=Term.Category.choices)
    note = forms.CharField(label=_("Source or usage note"), max_length=500, required=False)
    is_active = forms.BooleanField(label=_("Check documents for this term"), required=False,
                                   initial=True)

    def __init__(self, *args, term=None, **kwargs):
        if term is not None:
            kwargs.setdefault("initial", {
                **{build_localized_fieldname("text", code):
                   getattr(term, build_localized_fieldname("text", code)) or ""
                   for code in language_codes()},
                "category": term.category, "note": term.note, "is_active": term.is_active,
            })
        super().__init__(*args, **kwargs)
        self.term = term
        texts = {}
        for code in language_codes():
            texts[build_localized_fieldname("text", code)] = forms.CharField(
                label=format_lazy("{} ({})", _("Term"), LANGUAGE_NAMES[code]),
                max_length=300, required=code == settings.LANGUAGE_CODE,
                help_text=None if code == settings.LANGUAGE_CODE
                else _("Leave empty if the equivalent is not established yet: the term is "
                       "then not looked for in this language."),
            )
            texts[build_localized_fieldname("text", code)].widget.attrs.update(
                {"class": "form-control", "lang": code})
        self.fields = {**texts, **self.fields}

    def _clean_text(self, code):
        name = build_localized_fieldname("text", code)
        value = clean_text(self.cleaned_data.get(name, "")).strip()
        if value and not words(value):
            raise forms.ValidationError(_("A term needs at least one word."))
        if "<" in value or ">" in value:
            raise forms.ValidationError(_("A term is plain text: remove the angle brackets."))
        return value

    def clean(self):
        cleaned = super().clean()
        for code in language_codes():
            name = build_localized_fieldname("text", code)
            if name in cleaned:
                try:
                    cleaned[name] = self._clean_text(code)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        english = cleaned.get(build_localized_fieldname("text", settings.LANGUAGE_CODE))
        if english:
            same = Term.objects.filter(**{
                f"{build_localized_fieldname('text', settings.LANGUAGE_CODE)}__iexact": english})
            if self.term is not None:
                same = same.exclude(pk=self.term.pk)
            if same.exists():
                self.add_error(build_localized_fieldname("text", settings.LANGUAGE_CODE),
                               _("This term is already in the termbase."))
        return cleaned

    def texts(self) -> dict:
        return {code: self.cleaned_data[build_localized_fieldname("text", code)]
                for code in language_codes()}
