"""Serializer fields of the API: text in every language as {"en": …, "ru": …, "kk": …}."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cica_docs.languages import language_codes
from cica_docs.translated import translations_of

TRANSLATED_SCHEMA = {
    "type": "object",
    "properties": {code: {"type": "string"} for code, _name in settings.LANGUAGES},
    "additionalProperties": False,
}


@extend_schema_field(TRANSLATED_SCHEMA)
class TranslatedField(serializers.Field):
    """An object keyed by language code. On input every key is optional (the others keep
    their text); unknown languages and non-text values are refused."""

    default_error_messages = {
        "not_object": _("Expected an object keyed by language code (%(codes)s)."),
        "unknown_language": _("“%(code)s” is not one of the languages (%(codes)s)."),
        "not_text": _("The text for “%(code)s” must be a string."),
    }

    def __init__(self, *, content=False, **kwargs):
        # content=True: a document's text, whose rules are the content's
        # (documents/validation.py, applied after the serializer, as for the browser's form).
        super().__init__(**kwargs)
        self.content = content

    def to_internal_value(self, data):
        codes = language_codes()
        listed = ", ".join(codes)
        if not isinstance(data, dict):
            self._refuse("not_object", codes=listed)
        for code, text in data.items():
            if code not in codes:
                self._refuse("unknown_language", code=str(code)[:20], codes=listed)
            if not isinstance(text, str):
                self._refuse("not_text", code=code)
        return check_texts(data, clean=not self.content)

    def _refuse(self, key, **params):
        # DRF's fail() formats with str.format; these messages use gettext's %(name)s.
        raise serializers.ValidationError(str(self.error_messages[key]) % params, code=key)

    def to_representation(self, value):
        return {code: (value or {}).get(code, "") for code in language_codes()}


def translated(instance, name: str) -> dict[str, str]:
    """A modeltranslation field's values in every language."""
    return translations_of(instance, name)


class FindingSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=["error", "warning"])
    code = serializers.CharField()
    language = serializers.CharField(allow_blank=True)
    message = serializers.CharField()


def findings_data(findings) -> list[dict]:
    return [
        {"level": f.level, "code": f.code, "language": f.language, "message": str(f.message)}
        for f in findings
    ]


class TextField(serializers.CharField):
    """Text as the browser's forms accept it: NFC, no bidi overrides, no NUL, storable."""

    def to_internal_value(self, data):
        from django.core.exceptions import ValidationError

        from cica_docs.documents.validation import clean_text

        value = super().to_internal_value(data)
        try:
            return clean_text(value)
        except ValidationError as error:
            raise serializers.ValidationError(error.messages) from None


def check_texts(values: dict, *, clean=True) -> dict:
    """`clean_text` on every value of a translated object (clean=False: only refuse what
    JSON carries and no text may hold, null characters and lone surrogates, so that they
    are named with the other fields' errors); errors keyed by language."""
    from django.core.exceptions import ValidationError

    from cica_docs.documents.validation import check_storable, clean_text

    cleaned, errors = {}, {}
    for code, text in values.items():
        if "\x00" in text:
            errors[code] = [str(_("Null characters are not allowed."))]
            continue
        try:
            cleaned[code] = clean_text(text) if clean else text
            check_storable(text)
        except ValidationError as error:
            errors[code] = error.messages
    if errors:
        raise serializers.ValidationError(errors)
    return cleaned
