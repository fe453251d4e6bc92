"""Word-level differences between two revisions, for every field and language at once."""

import re
from dataclasses import dataclass

from diff_match_patch import diff_match_patch
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
    """The words (and the spaces and punctuation between them) deleted, inserted and kept.

    diff-match-patch compares characters, so each distinct token is given a character of
    its own (as its line mode does for lines). As in its line mode, the texts are first
    compared sentence by sentence, then word by word where sentences changed: Myers'
    algorithm in Python is quadratic in the worst case, and a long paper with a few hundred
    words changed here and there takes milliseconds this way, seconds word by word."""
    segments: list[Segment] = []
    deleted, inserted = [], []
    for op, text in _diff(_sentences(old), _sentences(new)):
        if op == "delete":
            deleted.append(text)
        elif op == "insert":
            inserted.append(text)
        else:
            segments += _words(deleted, inserted)
            deleted, inserted = [], []
            segments.append(Segment(op, text))
    segments += _words(deleted, inserted)
    merged: list[Segment] = []
    for segment in segments:
        if merged and merged[-1].op == segment.op:
            merged[-1] = Segment(segment.op, merged[-1].text + segment.text)
        else:
            merged.append(segment)
    return merged


_SENTENCE_END = re.compile(r"((?<=[.!?…;:])\s+|\n+)")


def _sentences(text: str) -> list[str]:
    """The text cut after each sentence's closing mark and spaces, and after line breaks."""
    pieces = _SENTENCE_END.split(text or "")  # text, separator, text, separator, …, text
    pieces.append("")
    return [piece for at in range(0, len(pieces) - 1, 2)
            if (piece := pieces[at] + pieces[at + 1])]


def _words(deleted: list, inserted: list) -> list[Segment]:
    """Sentences replaced by others, compared word by word."""
    if deleted and inserted:
        return [Segment(op, text) for op, text in _diff(
            _TOKEN.findall("".join(deleted)), _TOKEN.findall("".join(inserted))
        )]
    if deleted:
        return [Segment("delete", "".join(deleted))]
    return [Segment("insert", "".join(inserted))] if inserted else []


def _diff(a: list, b: list) -> list[tuple[str, str]]:
    """(operation, text) runs between two lists of tokens."""
    codes: dict[str, str] = {}
    encoded = ["".join(_code(codes, token) for token in tokens) for tokens in (a, b)]
    differ = diff_match_patch()
    differ.Diff_Timeout = 0  # no deadline: the same two texts always give the same diff
    tokens = {code: token for token, code in codes.items()}
    return [(_OPS[op], "".join(tokens[code] for code in text))
            for op, text in differ.diff_main(*encoded, checklines=False)]


_OPS = {diff_match_patch.DIFF_EQUAL: "equal", diff_match_patch.DIFF_DELETE: "delete",
        diff_match_patch.DIFF_INSERT: "insert"}


def _code(codes: dict[str, str], token: str) -> str:
    """The character standing for `token`: code points in order, past the surrogates."""
    code = codes.get(token)
    if code is None:
        number = len(codes)
        code = codes[token] = chr(number if number < 0xD800 else number + 0x800)
    return code


def _label(model, name):
    return str(model._meta.get_field(name).verbose_name)


def revision_diff(document, old: dict, new: dict) -> list[FieldDiff]:
    """Per field and language, the segments between two content dicts."""
    kind = get_kind(document.kind)
    rows = []
    for lang in language_codes():
        for name, values_old, values_new in [
            ("title", old["title"], new["title"]),
            # a field the kind added since a revision was written reads there as empty
            *[(n, old["fields"].get(n, {}), new["fields"].get(n, {}))
              for n in kind.translated_fields],
        ]:
            before, after = values_old.get(lang, ""), values_new.get(lang, "")
            rows.append(FieldDiff(
                name, _label(kind.model, name), lang,
                word_diff(before, after), before != after,
            ))
    # (a field the kind added since a revision was written has its default there)
    defaults = {n: kind.model._meta.get_field(n).get_default() for n in kind.plain_fields}
    plain = [(n, old["plain"].get(n, defaults[n]), new["plain"].get(n, defaults[n]))
             for n in kind.plain_fields]
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
