"""Three-way merge of a document's content, for two people who edited the same revision.

    base   = the revision both started from,
    theirs = the newest revision (saved by the other person),
    yours  = what you are saving.

The content is merged piece by piece: each translated field in each language (the English
body, the Kazakh opening, …) and each plain field as a whole (addressee, closing, series,
languages, enclosures). A piece only you changed takes yours, one only they changed keeps
theirs, one you both changed alike is that change; one you both changed differently is a
conflict, which a person decides (the browser asks; the API names it and saves nothing).
Nothing is lost: a change is never removed unless the person deciding chooses so.
"""

from dataclasses import dataclass, field
from typing import Any

from . import content as content_mod

THEIRS = "theirs"  # only they changed it: their version is kept
YOURS = "yours"  # only you changed it: yours is taken
ALIKE = "alike"  # you both made the same change
CONFLICT = "conflict"  # you both changed it, differently: someone must decide


@dataclass(frozen=True)
class Piece:
    """One merged piece: a translated field in one language, or a plain field."""

    field: str  # "title", "body", "addressee", "languages", …
    language: str  # "" for a plain field
    base: Any
    theirs: Any
    yours: Any
    outcome: str

    @property
    def key(self) -> str:
        """The editing form's field name: "body_en", "addressee"."""
        return f"{self.field}_{self.language}" if self.language else self.field

    @property
    def api_name(self) -> str:
        """How the API names it: "body.en", "addressee"."""
        return f"{self.field}.{self.language}" if self.language else self.field

    @property
    def merged(self) -> Any:
        return self.theirs if self.outcome == THEIRS else self.yours


@dataclass
class Merge:
    content: dict  # the merged content; a conflicting piece holds yours until decided
    pieces: list = field(default_factory=list)  # every piece someone changed

    @property
    def conflicts(self) -> list[Piece]:
        return [piece for piece in self.pieces if piece.outcome == CONFLICT]

    def piece(self, key: str) -> Piece | None:
        return next((p for p in self.pieces if p.key == key), None)


def _paths(content: dict):
    """(field, language, path into the content dict) for every piece, in page order."""
    for lang in content["title"]:
        yield "title", lang, ("title", lang)
    for name, values in content["fields"].items():
        for lang in values:
            yield name, lang, ("fields", name, lang)
    for name in content["plain"]:
        yield name, "", ("plain", name)
    for name in ("series", "languages", "enclosures"):
        yield name, "", (name,)


def _get(content: dict, path: tuple):
    value = content
    for step in path:
        value = value.get(step) if isinstance(value, dict) else None
    return value


def _set(content: dict, path: tuple, value) -> None:
    target = content
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value


def _copy(content: dict) -> dict:
    content = content_mod.normalised(content)
    return {
        **content,
        "title": dict(content["title"]),
        "fields": {name: dict(values) for name, values in content["fields"].items()},
        "plain": dict(content["plain"]),
        "languages": list(content["languages"]),
        "enclosures": list(content["enclosures"]),
    }


def _outcome(base, theirs, yours) -> str | None:
    if theirs == yours:
        return None if theirs == base else ALIKE
    if yours == base:
        return THEIRS
    if theirs == base:
        return YOURS
    return CONFLICT


def content_merge(*, base: dict, theirs: dict, yours: dict) -> Merge:
    """Merge `yours` into `theirs` against `base` (all content dicts, see content.py)."""
    base, theirs, yours = _copy(base), _copy(theirs), _copy(yours)
    merged = _copy(yours)
    pieces = []
    for name, lang, path in _paths(yours):
        b, t, y = _get(base, path), _get(theirs, path), _get(yours, path)
        outcome = _outcome(b, t, y)
        if outcome is None:
            continue
        piece = Piece(name, lang, b, t, y, outcome)
        _set(merged, path, piece.merged)
        pieces.append(piece)
    return Merge(content=merged, pieces=pieces)


def content_resolve(merge_content: dict, *, theirs: dict, keep_theirs: list[str]) -> dict:
    """`merge_content` with the pieces named in `keep_theirs` (form keys) set to theirs: the
    person's decisions on the conflicts."""
    resolved = _copy(merge_content)
    for name, lang, path in _paths(resolved):
        key = f"{name}_{lang}" if lang else name
        if key in keep_theirs:
            _set(resolved, path, _get(_copy(theirs), path))
    return resolved


def open_conflicts(*, base: dict, theirs: dict, typed: dict, keys: list[str]) -> Merge:
    """The conflicts named by `keys` (form keys) still to be decided, with `typed` (form key
    → the value in the form) as yours: to show them again when the form comes back with an
    error, so that no conflict is passed over."""
    base, theirs = _copy(base), _copy(theirs)
    pieces = []
    for name, lang, path in _paths(theirs):
        key = f"{name}_{lang}" if lang else name
        if key in keys:
            pieces.append(Piece(name, lang, _get(base, path), _get(theirs, path),
                                typed.get(key), CONFLICT))
    return Merge(content=theirs, pieces=pieces)
