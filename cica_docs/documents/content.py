"""A document's content as one plain dict: what a revision stores and what a form edits.

    {"title": {"en": …, "ru": …, "kk": …},
     "fields": {"opening": {"en": …}, "body": {…}},
     "plain": {"closing": true, "addressee": 3},
     "languages": ["en", "ru", "kk"], "series": 1,
     "enclosures": [12, 9]}

Revisions saved before enclosures existed have no "enclosures" key: `normalised` reads them
as enclosing nothing.
"""

import datetime
import hashlib
import json

from cica_docs.languages import language_codes
from cica_docs.translated import translations_assign, translations_of

from .enclosures import enclosed_ids, write_enclosures
from .kinds import get_kind


def _plain_value(document, name):
    field = document._meta.get_field(name)
    if field.is_relation:
        return getattr(document, field.attname)
    value = getattr(document, name)
    # Revisions are JSON: a date is stored as its ISO form and read back by `apply`.
    return value.isoformat() if isinstance(value, datetime.date) else value


def normalised(content: dict) -> dict:
    """`content` with the keys added since the first revisions were written."""
    return {"enclosures": [], **content}


def complete(content: dict, kind) -> dict:
    """`content` (a revision's) with every field `kind` has now: one it added since the
    revision was written reads as a row got it when it was added — its default, or empty in
    every language — so comparing the revision with `snapshot` of the row finds no change
    that nobody made."""
    content = normalised(content)
    fields = {name: {code: "" for code in language_codes()} for name in kind.translated_fields}
    fields.update(content.get("fields", {}))
    plain = {}
    for name in kind.plain_fields:
        default = kind.model._meta.get_field(name).get_default()
        plain[name] = default.isoformat() if isinstance(default, datetime.date) else default
    plain.update(content.get("plain", {}))
    return {**content, "fields": fields, "plain": plain}


def snapshot(document) -> dict:
    kind = get_kind(document.kind)
    languages = language_codes()
    return {
        "title": translations_of(document, "title"),
        "fields": {name: translations_of(document, name) for name in kind.translated_fields},
        "plain": {name: _plain_value(document, name) for name in kind.plain_fields},
        "languages": [lang for lang in languages if lang in document.languages],
        "series": document.series_id,
        "enclosures": enclosed_ids(document),
    }


def apply(document, content: dict) -> None:
    """Set the document's fields from a content dict (the inverse of snapshot, together with
    `apply_enclosures` once the document row is saved)."""
    translations_assign(document, "title", content["title"])
    for name, values in content["fields"].items():
        translations_assign(document, name, values)
    for name, value in content["plain"].items():
        field = document._meta.get_field(name)
        if field.is_relation:
            setattr(document, field.attname, value)
        else:
            setattr(document, name, field.to_python(value))
    document.languages = list(content["languages"])
    document.series_id = content["series"]


def apply_enclosures(document, content: dict) -> None:
    """Rewrite the saved document's enclosure rows from the content's list."""
    write_enclosures(document, normalised(content)["enclosures"])


def content_hash(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def language_text(content: dict, lang: str) -> str:
    """All translated text of one language, for checks and search."""
    parts = [content["title"].get(lang, "")]
    parts += [values.get(lang, "") for values in content["fields"].values()]
    return "\n".join(part for part in parts if part)


def _language_values(content: dict | None, lang: str, names) -> list[str]:
    if not content:
        return []
    # Sorted: PostgreSQL's jsonb does not keep the order of keys. A field a kind added
    # since an older revision was written reads there as empty.
    return [content["title"].get(lang, "")] + [
        content["fields"].get(name, {}).get(lang, "") for name in sorted(names)
    ]


def language_changes(old: dict | None, new: dict) -> tuple[list[str], list[str]]:
    """Languages whose text changed, and among them those where a text that existed was
    altered. Filling an empty field (a first translation) is a change but not an alteration,
    so it does not make the other languages outdated."""
    changed, modified = [], []
    names = {*(old or {}).get("fields", {}), *new["fields"]}
    for lang in language_codes():
        after = _language_values(new, lang, names)
        before = _language_values(old, lang, names) or [""] * len(after)
        pairs = list(zip(before, after, strict=True))
        if any(b != a for b, a in pairs):
            changed.append(lang)
            if any(b and b != a for b, a in pairs):
                modified.append(lang)
    return changed, modified
