"""The platform part of every kind's editing form: translated fields in every language,
the languages, the series, the revision being edited and a comment.

A kind's form subclasses `DocumentForm`, names its plain fields as ordinary form fields and
sets `kind_key`; the translated fields are built here from the kind's registration.
"""

import datetime

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cica_docs.languages import language_codes

from . import references
from .enclosures import enclosable_documents, enclosed_files
from .fields import EnclosuresField
from .kinds import get_kind
from .merge import content_resolve
from .models import Series
from .validation import ContentInvalid, clean_content, text_limit

THEIRS, MINE = "theirs", "mine"


class TextField(forms.CharField):
    """A text of the content: its rules (normalisation, invisible controls, length) are the
    content's (documents/validation.py); `limit` only tells the browser how much to take."""

    def __init__(self, *, limit: int, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs["maxlength"] = str(limit)


def _widget_class(widget) -> str:
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput | forms.RadioSelect):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"


class DocumentForm(forms.Form):
    kind_key = ""
    plain_fields: tuple[str, ...] = ()

    base_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    # After an edit conflict: the revision the person first started from (merge.py's base).
    merged_from = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
    languages = forms.MultipleChoiceField(
        label=_("Issued in"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leaving a language out is a decision: it will not be printed or sent."),
    )
    series = forms.ModelChoiceField(
        label=_("Registry series"), queryset=Series.objects.all(), required=False
    )
    comment = forms.CharField(
        label=_("What changed (optional)"), max_length=500, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, document=None, conflicts=None, **kwargs):
        super().__init__(*args, **kwargs)
        kind = get_kind(self.kind_key)
        self.kind = kind
        self.document = document
        self.fields["series"].required = False
        for name in kind.plain_fields:
            # A new document starts from the model's defaults (a note ends with the
            # closing formula unless the drafter switches it off), as the API's does.
            model_field = kind.model._meta.get_field(name)
            if name in self.fields and model_field.has_default() \
                    and self.fields[name].initial is None:
                self.fields[name].initial = model_field.get_default()
        if "reference_relation" in kind.plain_fields:
            references.add_form_fields(self, document)
        if kind.takes_enclosures:
            self.fields["enclosures"] = EnclosuresField(
                label=_("Enclosures"), required=False,
                help_text=_("In the order they are enclosed. Only documents that are not "
                            "withdrawn can be chosen; a PDF file is uploaded first on the "
                            "page “PDF files”."),
                choices=_enclosure_choices(document),
            )
        for lang in language_codes():
            self.fields[f"title_{lang}"] = TextField(
                label=kind.model._meta.get_field("title").verbose_name,
                limit=text_limit(kind, "title"), required=False,
            )
            for name in kind.translated_fields:
                model_field = kind.model._meta.get_field(name)
                multiline = model_field.get_internal_type() == "TextField"
                self.fields[f"{name}_{lang}"] = TextField(
                    label=model_field.verbose_name,
                    help_text=model_field.help_text,
                    limit=text_limit(kind, name),
                    required=False,
                    strip=False,
                    widget=forms.Textarea(attrs={"rows": 6, "lang": lang}) if multiline
                    else forms.TextInput(attrs={"lang": lang}),
                )
            self.fields[f"title_{lang}"].widget.attrs["lang"] = lang
        self._add_conflict_choices(conflicts)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", _widget_class(field.widget))

    def _add_conflict_choices(self, conflicts):
        """After an edit conflict (see documents/merge.py), one choice per piece both people
        changed: keep theirs, or the text in the field (theirs is read from the revision
        being edited, the newest when the conflict was shown). Nothing is saved for such a
        piece until it is chosen. A bound form reads the pieces from its hidden "conflict"
        inputs."""
        if conflicts is None:
            conflicts = self.data.getlist("conflict") if hasattr(self.data, "getlist") else []
        self.conflicts = [key for key in dict.fromkeys(conflicts) if key in self.fields
                          and key not in ("base_revision", "merged_from", "comment")]
        for key in self.conflicts:
            self.fields[f"resolve_{key}"] = forms.ChoiceField(
                label=_("Which version to keep"),
                choices=[(THEIRS, _("Theirs")), (MINE, _("Mine, as it stands in the field"))],
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose which version to keep.")},
            )

    def conflict_fields(self):
        return {key: self[f"resolve_{key}"] for key in self.conflicts}

    def typed_values(self) -> dict:
        """What the form holds for each conflicting piece, as typed (for showing it again)."""
        values = {}
        for key in self.conflicts:
            value = self[key].value()
            values[key] = value if not isinstance(value, tuple) else list(value)
        return values

    @property
    def columns(self):
        """[(language, [bound fields of that language])] for the side-by-side editor."""
        names = ["title", *self.kind.translated_fields]
        return [(lang, [self[f"{name}_{lang}"] for name in names]) for lang in language_codes()]

    @property
    def settings_fields(self):
        """The fields that are not per language: series, languages, the kind's plain fields."""
        names = ["series", "languages", *self.plain_fields_order()]
        if "enclosures" in self.fields:
            names.append("enclosures")
        return [self[name] for name in names]

    def plain_fields_order(self):
        return self.kind.plain_fields

    def clean(self):
        """The content's rules (documents/validation.py, the same the API applies); an error
        goes to the field it names, unless that field was already refused as typed."""
        cleaned = super().clean()
        self.cleaned_content = None
        try:
            self.cleaned_content = clean_content(self.kind, self._content(),
                                                 document=self.document)
        except ContentInvalid as invalid:
            for name, messages in invalid.errors.items():
                field = self._field_of(name)
                if field not in self._errors:
                    self.add_error(field, messages)
        return cleaned

    def _field_of(self, name: str) -> str | None:
        """The form field a content error names: "title.en" is "title_en"."""
        field = name.replace(".", "_") if name.replace(".", "_") in self.fields \
            else name.partition(".")[0]
        return field if field in self.fields else None

    def to_content(self) -> dict:
        content = self.cleaned_content
        keep_theirs = [key for key in self.conflicts
                       if self.cleaned_data.get(f"resolve_{key}") == THEIRS]
        if keep_theirs and self.document is not None:
            theirs = self.document.revisions.filter(
                number=self.cleaned_data["base_revision"]).first()
            if theirs is not None:
                content = content_resolve(content, theirs=theirs.content,
                                          keep_theirs=keep_theirs)
        return content

    def _content(self) -> dict:
        data = self.cleaned_data
        languages = language_codes()
        return {
            "title": {lang: data.get(f"title_{lang}") or "" for lang in languages},
            "fields": {
                name: {lang: data.get(f"{name}_{lang}") or "" for lang in languages}
                for name in self.kind.translated_fields
            },
            "plain": {name: self.plain_value(name) for name in self.kind.plain_fields},
            "languages": list(data.get("languages", [])),
            "series": data["series"].pk if data.get("series") else None,
            "enclosures": list(data.get("enclosures", [])),
        }

    def plain_value(self, name):
        value = self.cleaned_data.get(name)
        if hasattr(value, "pk"):
            return value.pk
        # Revisions are JSON: dates as ISO strings (content.apply reads them back).
        return value.isoformat() if isinstance(value, datetime.date) else value

    @classmethod
    def initial_from(cls, content: dict, base_revision: int) -> dict:
        initial = {
            "base_revision": base_revision,
            "languages": content["languages"],
            "series": content["series"],
        }
        for lang, text in content["title"].items():
            initial[f"title_{lang}"] = text
        for name, values in content["fields"].items():
            for lang, text in values.items():
                initial[f"{name}_{lang}"] = text
        initial.update(content["plain"])
        initial["enclosures"] = content.get("enclosures", [])
        return initial


def _enclosure_choices(document) -> list:
    documents = [(d.pk, _choice_label(d)) for d in enclosable_documents()
                 if document is None or d.pk != document.pk]
    files = [(f.reference, _file_label(f)) for f in enclosed_files()]
    if not files:
        return documents
    return [(_("Documents"), documents), (_("Uploaded PDF files"), files)]


def _file_label(enclosed) -> str:
    pages = ngettext("%(pages)s page", "%(pages)s pages", enclosed.pages) % {
        "pages": enclosed.pages
    }
    return f"{enclosed.title} (PDF, {pages})"


def _choice_label(document) -> str:
    label = document.display_title or f"#{document.pk}"
    details = [document.symbol, document.state_label]
    return f"{label} ({', '.join(d for d in details if d)})"
