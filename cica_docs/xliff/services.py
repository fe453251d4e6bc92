"""Importing a translator's XLIFF file as a new revision, through the platform's one save
path (documents.services.revision_create), so that its rules hold: drafters only, drafts
only, a new immutable revision, nothing saved over someone else's change.

What changes: the target language's paragraphs whose translation differs from the exported
revision's, each replaced in place (every other character of the field kept), and
translations of positions the target language did not have yet, added at the end of their
field. An empty target leaves that paragraph as it is (the unit was not translated). No
other language is touched.

A file exported from an older revision: the import is merged three-way with the newest
revision, as two people editing at once are (documents/merge.py): changes made since to
other paragraphs or languages are kept; if someone changed the same paragraph of the
target language since, nothing is saved and the drafter is asked to export again.
"""

import copy

from django.utils.translation import gettext as _

from cica_docs.documents import content as content_mod
from cica_docs.documents import services
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.paragraphs import field_names, paragraphs, replace, unpaired_marks

from .reading import ImportRefused, check_against, parse


def translated_content(content: dict, target: str, targets: dict, *, kind=None,
                       marks=None) -> dict:
    """`content` with the target language's paragraphs (numbered as the aligned view pairs
    them, `marks` left out) replaced by their translations."""
    content = copy.deepcopy(content)
    for field, multiline in field_names(content, kind):
        values = content["title"] if field == "title" else content["fields"][field]
        text = values.get(target, "") or ""
        have = {p.index: p for p in paragraphs(content, field, target, multiline=multiline,
                                               marks=marks)}
        changed, added = {}, []
        for key, (_source, translation) in targets.items():
            name, _dot, index = key.rpartition(".")
            if name != field or not translation:
                continue
            index = int(index)
            if index in have:
                if have[index].text != translation:
                    changed[have[index].block] = translation
            else:
                added.append((index, translation))
        if changed or added:
            values[target] = replace(text, changed, [t for _i, t in sorted(added)],
                                     multiline=multiline)
    return content


def xliff_import(*, document, data: bytes, author):
    """The new revision, or None when the file changes nothing. ImportRefused names every
    problem of the file; DocumentError (and its StaleRevision) what the platform refused."""
    services.require_drafter(author)
    translation = parse(data, document)
    revision = document.revisions.filter(number=translation.revision_number).first()
    if revision is None:
        raise ImportRefused([_("The file names revision %(number)s, which this document does "
                               "not have.") % {"number": translation.revision_number}])
    check_against(translation, document, revision)
    kind = get_kind(document.kind)
    base = content_mod.complete(revision.content, kind)
    content = translated_content(base, translation.target, translation.targets, kind=kind,
                                 marks=unpaired_marks(document))
    try:
        return services.revision_create(
            document=document, author=author, content=content, merge=True,
            base_revision=revision.number,
            comment=_("Translation into %(language)s imported (XLIFF, from revision "
                      "%(number)s)") % {"language": translation.target.upper(),
                                        "number": revision.number})
    except services.StaleRevision as error:
        raise services.DocumentError(
            _("Since revision %(number)s, someone changed paragraphs that this translation "
              "also changes. Nothing was saved: export the newest revision and translate "
              "those paragraphs again.") % {"number": revision.number}) from error
