"""Saving terms and reading the termbase's index; the one write path of a term."""

from django.db import transaction
from django.db.models import Count, Max

from cica_docs.audit.log import record
from cica_docs.languages import language_codes
from cica_docs.translated import translations_assign, translations_of

from .matching import Entry, term_forms
from .models import Term


def forms_of(texts: dict) -> dict:
    return {lang: term_forms(text, lang) for lang, text in texts.items() if text.strip()}


@transaction.atomic
def term_save(*, term: Term | None = None, texts: dict, category: str, note: str = "",
              is_active: bool = True, by, request=None) -> Term:
    """Create or change a term: each language into its own column (never the active
    language's stand-in), its forms computed once, the change audited."""
    created = term is None
    term = term or Term()
    translations_assign(term, "text", {lang: texts.get(lang, "").strip()
                                       for lang in language_codes()})
    term.category, term.note, term.is_active = category, note, is_active
    term.forms = forms_of(translations_of(term, "text"))
    term.save()
    record(action="term.created" if created else "term.changed", actor=by, request=request,
           target=term, texts=translations_of(term, "text"))
    return term


_INDEX: dict = {}


def active_entries() -> list[Entry]:
    """The active terms with their forms. One query asks whether any term changed since
    the index was built (in this process); only then are the terms read again."""
    version = Term.objects.aggregate(count=Count("pk"), changed=Max("updated_at"))
    key = (version["count"], version["changed"])
    if _INDEX.get("key") != key:
        entries = []
        for term in Term.objects.filter(is_active=True):
            texts = translations_of(term, "text")
            entries.append(Entry(
                pk=term.pk, texts=texts,
                forms={lang: tuple(frozenset(word) for word in words)
                       for lang, words in term.forms.items() if words},
            ))
        _INDEX.update(key=key, entries=entries)
    return _INDEX["entries"]
