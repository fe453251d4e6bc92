"""Word-level differences between two revisions, for every field and language at once."""

import difflib
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from cica_docs.languages import language_codes

from .enclosures import describe
from .kinds import get_kind

_TOKEN = re.compile(r"\s+|[^\W_]+|[^\w\s]|_", re.UNICODE)


@dataclass(frozen=True)
class Segment:
    op: str  # "equal", "insert" or "delete"
    text: str


@dataclass(frozen=True)
class FieldDiff:
    field: str
    label: str
    language: str
    segments: list
    changed: bool


def word_diff(old: str, new: str) -> list[Segment]:
    a, b = _TOKEN.findall(old or ""), _TOKEN.findall(new or "")
    segments: list[Segment] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("equal", "".join(a[a1:a2])))
            continue
        if op in ("delete", "replace"):
            segments.append(Segment("delete", "".join(a[a1:a2])))
        if op in ("insert", "replace"):
            segments.append(Segment("insert", "".join(b[b1:b2])))
    return segments


def _label(model, name):
    return str(model._meta.get_field(name).verbose_name)


def revision_diff(document, old: dict, new: dict) -> list[FieldDiff]:
    """Per field and language, the segments between two content dicts."""
    kind = get_kind(document.kind)
    rows = []
    for lang in language_codes():
        for name, values_old, values_new in [
            ("title", old["title"], new["title"]),
            *[(n, old["fields"][n], new["fields"][n]) for n in kind.translated_fields],
        ]:
            before, after = values_old.get(lang, ""), values_new.get(lang, "")
            rows.append(FieldDiff(
                name, _label(kind.model, name), lang,
                word_diff(before, after), before != after,
            ))
    plain = [(n, old["plain"].get(n), new["plain"].get(n)) for n in kind.plain_fields]
    plain += [(n, old.get(n), new.get(n)) for n in ("languages", "series")]
    for name, before, after in plain:
        shown = [_display(kind.model, name, value) for value in (before, after)]
        rows.append(FieldDiff(
            name, _label(kind.model, name), "", word_diff(*shown), before != after,
        ))
    if kind.takes_enclosures:
        before, after = (content.get("enclosures", []) for content in (old, new))
        shown = [_enclosure_titles(ids) for ids in (before, after)]
        rows.append(FieldDiff(
            "enclosures", _("Enclosures"), "", word_diff(*shown), before != after,
        ))
    return rows


def _enclosure_titles(ids: list) -> str:
    """The enclosures by title, one per line, in their order."""
    return "\n".join(
        f"{position}. {name}" for position, name in enumerate(describe(ids), start=1)
    ) or "—"


def _display(model, name, value) -> str:
    """A plain field's value as a person reads it (a related object's name, not its id)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(str(item).upper() for item in value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    field = model._meta.get_field(name)
    if field.is_relation:
        obj = field.related_model.objects.filter(pk=value).first()
        return str(obj) if obj else "—"
    return str(value)
