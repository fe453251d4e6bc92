"""Translation status per language: missing, complete or outdated.

A language is outdated when another language's existing text was changed in a later
revision than this language's last change. Filling a language for the first time does not
make the others outdated (the first translation is not a change of meaning).
"""

from cica_docs.languages import language_codes

from . import content as content_mod
from .kinds import get_kind

MISSING = "missing"
COMPLETE = "complete"
OUTDATED = "outdated"


def status_from(content: dict, revisions, kind) -> dict[str, str]:
    last_changed: dict[str, int] = {}
    last_modified: dict[str, int] = {}
    for number, changed, modified in revisions:
        for lang in changed:
            last_changed[lang] = max(last_changed.get(lang, 0), number)
        for lang in modified:
            last_modified[lang] = max(last_modified.get(lang, 0), number)
    result = {}
    for lang in language_codes():
        required = kind.required_fields or tuple(content["fields"])
        if any(not content["fields"][name][lang].strip() for name in required):
            result[lang] = MISSING
        elif any(
            last_modified.get(other, 0) > last_changed.get(lang, 0)
            for other in language_codes()
            if other != lang
        ):
            result[lang] = OUTDATED
        else:
            result[lang] = COMPLETE
    return result


def translation_status(document) -> dict[str, str]:
    revisions = document.revisions.values_list("number", "changed_languages", "modified_languages")
    return status_from(content_mod.snapshot(document), revisions, get_kind(document.kind))
