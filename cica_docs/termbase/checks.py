"""The termbase's pre-issue check, for every kind (registered in apps.py): a term found in
one language's paragraph must have its equivalent in the same paragraph of every other
language the document is issued in (paragraphs aligned by position, leaving out those marked as
having no counterpart, as the aligned view pairs them: documents/paragraphs.py).
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _

from cica_docs.documents.checks import WARNING, Finding
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.paragraphs import aligned, unpaired_marks

from .matching import found_in
from .services import active_entries


def paragraph_label(kind, paragraph) -> str:
    if paragraph.field == "title":
        name = _("title")
    else:
        try:
            name = str(kind.model._meta.get_field(paragraph.field).verbose_name)
        except FieldDoesNotExist:  # a field a kind no longer has, in an old revision
            name = paragraph.field
    return _("%(field)s, paragraph %(number)s") % {"field": name, "number": paragraph.index}


def term_findings(document, content, languages) -> list[Finding]:
    if len(languages) < 2:
        return []
    entries = active_entries()
    if not entries:
        return []
    kind = get_kind(document.kind)
    findings = []
    for row in aligned(content, languages, kind=kind,
                       marks=unpaired_marks(document)).values():
        present = {lang: {e.pk for e in found_in(entries, p.text, lang)}
                   for lang, p in row.items()}
        for entry in entries:
            where = [lang for lang in row if entry.pk in present[lang]]
            if not where:
                continue
            for lang, paragraph in row.items():
                if lang in where or lang not in entry.forms:
                    continue
                found = where[0]
                findings.append(Finding(
                    WARNING, "term_missing",
                    _("%(place)s: the %(language)s text has “%(term)s”, but “%(equivalent)s” "
                      "is not found here.")
                    % {"place": paragraph_label(kind, paragraph), "language": found.upper(),
                       "term": entry.texts[found], "equivalent": entry.texts[lang]},
                    lang,
                    quoted=((entry.texts[found], found), (entry.texts[lang], lang)),
                ))
    return findings
