"""Translation status per language: missing, complete or outdated.

A language is outdated when another language's existing text was changed in a later
revision than this language's last change. Filling a language for the first time does not
make the others outdated (the first translation is not a change of meaning).
"""

from collections import defaultdict

from modeltranslation.utils import build_localized_fieldname

from cica_docs.languages import language_codes
from cica_docs.translated import translations_of

from . import content as content_mod
from .kinds import get_kind
from .models import Revision

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


def _decided(document_ids) -> dict:
    """Checks and sign-offs (cica_docs/workbench): a language checked against a revision
    reads as changed in it, so what was altered before is no longer outdated."""
    from cica_docs.workbench.signoffs import decided_revisions

    return decided_revisions(document_ids)


def translation_status(document) -> dict[str, str]:
    revisions = [*document.revisions.values_list("number", "changed_languages",
                                                 "modified_languages"),
                 *_decided([document.pk]).get(document.pk, [])]
    return status_from(content_mod.snapshot(document), revisions, get_kind(document.kind))


def translation_statuses(documents) -> dict[int, dict[str, str]]:
    """The translation status of each of `documents` (of any kinds), by id, for a list: one
    query for their revisions and one per kind whose texts are not loaded yet, whatever the
    number of documents (`translation_status` costs two queries per document)."""
    documents = list(documents)
    revisions = defaultdict(list)
    for pk, *row in Revision.objects.filter(document_id__in=[d.pk for d in documents]).values_list(
        "document_id", "number", "changed_languages", "modified_languages"
    ):
        revisions[pk].append(row)
    for pk, rows in _decided(revisions).items():
        revisions[pk].extend(rows)
    by_kind = defaultdict(list)
    for document in documents:
        by_kind[document.kind].append(document)
    result = {}
    for key, members in by_kind.items():
        kind = get_kind(key)
        loaded = [d for d in members if isinstance(d, kind.model)]
        if len(loaded) < len(members):
            columns = [build_localized_fieldname(name, code)
                       for name in kind.translated_fields for code in language_codes()]
            loaded = kind.model.objects.filter(pk__in=[d.pk for d in members]).only(*columns)
        for document in loaded:
            fields = {name: translations_of(document, name) for name in kind.translated_fields}
            result[document.pk] = status_from({"fields": fields}, revisions[document.pk], kind)
    return result
