"""Which document kinds the API publishes, under which path, and how their content (the
platform's content dict, see documents/content.py) reads and writes as JSON.

A kind's API object is built from its registration: `title` and its translated fields as
{"en": …, "ru": …, "kk": …}, its plain fields (a related object by its `code`), `series` by
code, `languages`, and `enclosures` as [{"<api_item>": 12}, {"file": 3}] (a document of a
kind, or an uploaded PDF file). Writes are checked by the content's rules
(documents/validation.py), the same the browser's form applies, so the API accepts exactly
what the browser accepts.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from rest_framework import serializers

from cica_docs.documents import content as content_mod
from cica_docs.documents.enclosures import parse_reference, reference
from cica_docs.documents.kinds import DocumentKind, get_kind, kinds
from cica_docs.documents.models import Document, Series
from cica_docs.documents.validation import ContentInvalid, clean_content
from cica_docs.ids import MAX_ID
from cica_docs.languages import language_codes

from .errors import Invalid
from .fields import TextField, TranslatedField

FILE_ITEM = "file"  # how an enclosure names an uploaded PDF: {"file": 3}


@dataclass(frozen=True)
class Resource:
    """A registered kind as the API publishes it (documents/kinds.py: api_path, api_item,
    api_component)."""

    kind: DocumentKind

    @property
    def kind_key(self) -> str:
        return self.kind.key

    @property
    def path(self) -> str:  # URL segment: /api/v1/<path>/
        return self.kind.api_path

    @property
    def item(self) -> str:  # how an enclosure names it: {"<item>": 12}
        return self.kind.api_item

    @property
    def component(self) -> str:  # OpenAPI component name
        return self.kind.api_component


def published() -> list[Resource]:
    """Every registered kind."""
    return [Resource(kind) for kind in kinds()]


def resource_for(kind_key: str) -> Resource | None:
    return next((r for r in published() if r.kind_key == kind_key), None)


def _by_code(model) -> bool:
    return any(field.name == "code" for field in model._meta.get_fields())


def plain_field(model_field) -> serializers.Field:
    """The API field for one of a kind's plain (not translated) fields."""
    options = {"required": False, "help_text": str(model_field.help_text or "") or None}
    if model_field.is_relation:
        if _by_code(model_field.related_model):
            return TextField(allow_null=True, allow_blank=True, max_length=200, **options)
        return serializers.IntegerField(allow_null=True, **options)
    if isinstance(model_field, models.BooleanField):
        return serializers.BooleanField(**options)
    if isinstance(model_field, models.DateField):
        return serializers.DateField(allow_null=True, **options)
    return TextField(allow_blank=True, allow_null=True, **options)


class EnclosureField(serializers.DictField):
    """One enclosure: a document {"<api_item>": 12} or an uploaded PDF {"file": 3}."""

    child = serializers.IntegerField(min_value=1, max_value=MAX_ID)


def content_fields(resource: Resource) -> dict[str, serializers.Field]:
    kind = resource.kind
    fields = {
        "series": TextField(
            allow_null=True, allow_blank=True, required=False, max_length=40,
            help_text="The registry series by its code, e.g. NCT/CT.",
        ),
        "languages": serializers.ListField(
            child=serializers.ChoiceField(choices=language_codes()), required=False,
            help_text="The languages the document is issued in.",
        ),
        "title": TranslatedField(required=False, content=True),
    }
    for name in kind.translated_fields:
        fields[name] = TranslatedField(required=False, content=True)
    for name in kind.plain_fields:
        fields[name] = plain_field(kind.model._meta.get_field(name))
    if takes_enclosures(resource):
        fields["enclosures"] = serializers.ListField(
            child=EnclosureField(), required=False,
            help_text="Enclosures in order: documents by kind and uploaded PDF files, e.g. "
                      f"[{{\"{_example_item()}\": 12}}, {{\"file\": 3}}].",
        )
    return fields


# --- content dict → API --------------------------------------------------------------------


def content_data(resource: Resource, content: dict) -> dict:
    kind = resource.kind
    content = content_mod.normalised(content)
    series = Series.objects.filter(pk=content["series"]).first() if content["series"] else None
    data = {
        "series": series.code if series else None,
        "languages": list(content["languages"]),
        "title": dict(content["title"]),
    }
    for name in kind.translated_fields:
        # (a field the kind added since the revision was written reads as empty)
        values = content["fields"].get(name, {})
        data[name] = {code: values.get(code, "") for code in language_codes()}
    for name in kind.plain_fields:
        data[name] = _plain_data(kind.model._meta.get_field(name), content["plain"].get(name))
    if takes_enclosures(resource):
        parsed = [parse_reference(value) for value in content["enclosures"]]
        kind_of = dict(Document.objects.filter(pk__in=[p[1] for p in parsed if p[0] == "document"])
                       .values_list("pk", "kind"))
        data["enclosures"] = [
            {_enclosure_key(kind_of.get(pk)) if kind == "document" else FILE_ITEM: pk}
            for kind, pk in parsed
        ]
    return data


def takes_enclosures(resource: Resource) -> bool:
    return resource.kind.takes_enclosures


def _enclosure_key(kind_key) -> str:
    resource = resource_for(kind_key) if kind_key else None
    return resource.item if resource else "document"


def _plain_data(model_field, value):
    if value is None:
        return None
    if model_field.is_relation and _by_code(model_field.related_model):
        return model_field.related_model.objects.filter(pk=value).values_list(
            "code", flat=True).first()
    return value


# --- API → the content dict --------------------------------------------------------------------


def _code_to_pk(model, value, field: str, errors: dict):
    if value in (None, ""):
        return None
    pk = model.objects.filter(code=value).values_list("pk", flat=True).first()
    if pk is None:
        errors[field] = [_("There is no %(thing)s with the code “%(code)s”.")
                         % {"thing": model._meta.verbose_name, "code": value[:60]}]
    return pk


def _example_item() -> str:
    """How an enclosure names a document of the first enclosable kind: "<api_item>"."""
    return next((r.item for r in published() if r.kind.enclosable), "document")


def _enclosure_ids(items: list, errors: dict) -> list:
    keys = {r.item: r.kind_key for r in published()}
    ids = []
    for index, item in enumerate(items):
        if len(item) != 1 or next(iter(item)) not in {*keys, FILE_ITEM}:
            errors[f"enclosures.{index}"] = [
                _("Name one enclosure, e.g. {\"%(item)s\": 12} or {\"file\": 3}.")
                % {"item": _example_item()}
            ]
            continue
        (key, pk), = item.items()
        if key == FILE_ITEM:
            ids.append(reference("file", pk))
            continue
        kind = Document.objects.filter(pk=pk).values_list("kind", flat=True).first()
        if kind is not None and kind != keys[key]:
            errors[f"enclosures.{index}"] = [_("Document %(number)s is not a %(kind)s.")
                                             % {"number": pk, "kind": get_kind(keys[key]).label}]
        ids.append(pk)
    return ids


def merged_content(resource: Resource, base: dict, data: dict) -> dict:
    """`base` (a content dict) with the API fields in `data` laid over it. Code lookups that
    fail raise Invalid."""
    kind = resource.kind
    content = content_mod.normalised(base)
    content = {**content, "title": dict(content["title"]),
               "fields": {k: dict(v) for k, v in content["fields"].items()},
               "plain": dict(content["plain"])}
    errors: dict = {}
    if "series" in data:
        content["series"] = _code_to_pk(Series, data["series"], "series", errors)
    if "languages" in data:
        content["languages"] = list(data["languages"])
    if "title" in data:
        content["title"].update(data["title"])
    for name in kind.translated_fields:
        if name in data:
            content["fields"].setdefault(name, {}).update(data[name])
    for name in kind.plain_fields:
        if name not in data:
            continue
        model_field = kind.model._meta.get_field(name)
        value = data[name]
        if model_field.is_relation and _by_code(model_field.related_model):
            value = _code_to_pk(model_field.related_model, value, name, errors)
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        content["plain"][name] = value
    if "enclosures" in data:
        content["enclosures"] = _enclosure_ids(data["enclosures"], errors)
    if errors:
        raise Invalid(errors)
    return content


def validated_content(resource: Resource, *, content: dict, document=None) -> dict:
    """`content` cleaned by the content's rules (documents/validation.py), the same the
    browser's editing form applies; Invalid with the errors by their content names
    ("title.en", "enclosures", …)."""
    try:
        return clean_content(resource.kind, content, document=document)
    except ContentInvalid as invalid:
        raise Invalid(invalid.errors) from None


def blank_content(resource: Resource) -> dict:
    """A new document's content: the model's defaults and the kind's initial values."""
    kind = resource.kind
    content = content_mod.normalised(content_mod.snapshot(kind.model(kind=kind.key)))
    content["languages"] = language_codes()
    for key, value in kind.initial.items():
        name, _sep, code = key.rpartition("_")
        if name in content["fields"] and code in language_codes():
            content["fields"][name][code] = value
    return content
