"""The rules a document's content must meet, in one place: the browser's editing form
(documents/forms.py, in its `clean`) and the API (api/resources.py) both call
`clean_content`, so the two cannot disagree.

A rule here is about the content dict (documents/content.py), not about a widget: the form
and the serializer only turn what was typed or sent into that dict. Errors are keyed by the
content's own names, as the API reports them: "title.en", "body.ru", "languages", "series",
"enclosures", a plain field's name; the kind adds its own through
`DocumentKind.validate_content`.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms import MultipleChoiceField
from django.forms.models import ModelChoiceField
from django.utils.translation import gettext_lazy as _

from cica_docs.languages import language_codes

from . import references
from .content import normalised
from .enclosures import canonical, enclosure_problems
from .models import Series

# Bidirectional overrides and isolates reorder text invisibly; an official text never needs them.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
MAX_TEXT = 100_000
MAX_LINE = 500


class ContentInvalid(Exception):
    """The content breaks a rule: `errors` is {name: [message, …]} (see the module)."""

    def __init__(self, errors: dict):
        super().__init__(errors)
        self.errors = errors


def clean_text(value: str) -> str:
    """Normalise a drafter's text (NFC, Unix newlines) and refuse invisible reordering."""
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    if _BIDI_CONTROLS.search(value):
        raise ValidationError(
            _("The text contains invisible right-to-left control characters; "
              "please remove them (they are often pasted from other documents)."),
            code="bidi",
        )
    check_storable(value)
    return value


def check_storable(value: str) -> None:
    """Refuse text that cannot be stored (a lone surrogate, which JSON can carry)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(_("The text contains characters that cannot be stored."),
                              code="encoding") from None


def text_limit(kind, name: str) -> int:
    """How long a translated field (or the title) may be: a text field a long text, any
    other one line."""
    if name == "title":
        return MAX_LINE
    multiline = kind.model._meta.get_field(name).get_internal_type() == "TextField"
    return MAX_TEXT if multiline else MAX_LINE


def clean_content(kind, content: dict, *, document=None) -> dict:
    """`content` cleaned (texts normalised and stripped, enclosures in their stored form),
    or ContentInvalid with every rule it breaks. `document`: the one being edited, None while
    one is created."""
    content = normalised(content)
    content = {**content, "title": dict(content["title"]),
               "fields": {name: dict(values) for name, values in content["fields"].items()},
               "plain": dict(content["plain"]), "languages": list(content["languages"]),
               "enclosures": list(content["enclosures"])}
    errors: dict = {}
    _clean_texts(kind, content, errors)
    _clean_languages(content, errors)
    _clean_series(content, errors)
    _clean_plain(kind, content, errors)
    if "reference_relation" in kind.plain_fields:
        errors.update(references.content_errors(content["plain"], document))
    problems = enclosure_problems(document=document, kind_key=kind.key,
                                  ids=content["enclosures"])
    if problems:
        errors["enclosures"] = [str(problem) for problem in problems]
    else:
        content["enclosures"] = canonical(content["enclosures"])
    for name, messages in kind.validate_content(content, document=document).items():
        errors.setdefault(name, []).extend(str(message) for message in messages)
    if errors:
        raise ContentInvalid(errors)
    return content


def _clean_texts(kind, content: dict, errors: dict) -> None:
    values = {"title": content["title"], **{name: content["fields"].setdefault(name, {})
                                            for name in kind.translated_fields}}
    for name, texts in values.items():
        limit = MaxLengthValidator(text_limit(kind, name))
        for code in language_codes():
            text = texts.get(code) or ""
            try:
                text = clean_text(text).strip()
                limit(text)
            except ValidationError as error:
                errors[f"{name}.{code}"] = [str(message) for message in error.messages]
            texts[code] = text


def _clean_languages(content: dict, errors: dict) -> None:
    chosen = content["languages"]
    unknown = [code for code in chosen if code not in language_codes()]
    if unknown:
        errors["languages"] = [str(MultipleChoiceField.default_error_messages["invalid_choice"])
                               % {"value": str(unknown[0])[:10]}]
    elif not chosen:
        errors["languages"] = [str(_("Choose at least one language."))]
    # In the order of settings.LANGUAGES, each once.
    content["languages"] = [code for code in language_codes() if code in chosen]


def _invalid_choice() -> str:
    return str(ModelChoiceField.default_error_messages["invalid_choice"])


def _clean_series(content: dict, errors: dict) -> None:
    series = content["series"]
    if series is not None and not Series.objects.filter(pk=series).exists():
        errors["series"] = [_invalid_choice()]


def _clean_plain(kind, content: dict, errors: dict) -> None:
    """A plain field's value as its model field takes it: a related object that exists
    (among those the field may point to), one of the field's choices, within its length."""
    for name in kind.plain_fields:
        field = kind.model._meta.get_field(name)
        value = content["plain"].get(name)
        if value in (None, ""):
            continue
        if field.is_relation:
            allowed = field.related_model._default_manager.complex_filter(
                field.get_limit_choices_to())
            if not allowed.filter(pk=value).exists():
                errors[name] = [_invalid_choice()]
        elif field.choices and value not in dict(field.flatchoices):
            errors[name] = [_invalid_choice()]
        else:
            try:  # e.g. the length of a CharField's column
                field.run_validators(field.to_python(value))
            except ValidationError as error:
                errors[name] = [str(message) for message in error.messages]
