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


@dataclass(frozen=True)
class MergeRow:
    """One piece of an edit conflict as the editor shows it (documents/merge.py)."""

    key: str
    label: str
    language: str
    outcome: str
    outcome_label: str
    their_change: list  # segments from the starting revision to theirs
    your_change: list  # … and to yours
    choice: object = None  # the form's bound choice field, for a conflict


def merge_rows(document, merge, form, *, their_name: str) -> list[MergeRow]:
    """The pieces of `merge` that someone changed, with what each person changed."""
    from .merge import ALIKE, CONFLICT, THEIRS

    kind = get_kind(document.kind)
    labels = {
        THEIRS: _("changed by %(name)s: their version is kept") % {"name": their_name},
        ALIKE: _("changed the same way by both of you"),
        CONFLICT: _("changed by both of you: choose"),
    }
    choices = form.conflict_fields()
    rows = []
    for piece in merge.pieces:
        if piece.language:
            shown = (piece.base or "", piece.theirs or "", piece.yours or "")
        elif piece.field == "enclosures":
            shown = tuple(_enclosure_titles(v or []) for v in (piece.base, piece.theirs,
                                                               piece.yours))
        else:
            shown = tuple(_display(kind.model, piece.field, v)
                          for v in (piece.base, piece.theirs, piece.yours))
        label = _("Enclosures") if piece.field == "enclosures" else _label(kind.model,
                                                                            piece.field)
        rows.append(MergeRow(
            key=piece.key, label=str(label), language=piece.language, outcome=piece.outcome,
            outcome_label=str(labels.get(piece.outcome, _("changed by you: yours is kept"))),
            their_change=word_diff(shown[0], shown[1]),
            your_change=word_diff(shown[0], shown[2]),
            choice=choices.get(piece.key),
        ))
    return rows
