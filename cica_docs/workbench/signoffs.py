"""Per-language decisions on a document: "checked against revision N" and the reviser's
sign-off, and whether a sign-off still holds.

A sign-off holds while the text of its language and of the source language (the first
language of the document in the order of settings.LANGUAGES, English when the document is
issued in it) are what they were in the revision signed off: a later change to either
withdraws it, without anyone having to withdraw it (nothing is stored for that). A check
and a sign-off also count as the language's last revision for the translation status
(documents/status.py): the language is no longer "outdated" than the revision they name.
"""

import operator
from collections import defaultdict
from dataclasses import dataclass
from functools import reduce

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from cica_docs.audit.log import record
from cica_docs.documents import content as content_mod
from cica_docs.documents.models import Document, Revision
from cica_docs.documents.services import DocumentError, NotPermitted
from cica_docs.languages import language_codes

from .models import LanguageCheck, LanguageRight, SignOff


def source_language(languages) -> str:
    codes = [code for code in language_codes() if code in languages]
    return codes[0] if codes else language_codes()[0]


def may_sign_off(user, language: str) -> bool:
    """The one rule of who signs off a language: the revisers an administrator named."""
    return LanguageRight.objects.filter(user=user, language=language, user__is_active=True
                                        ).exists()


def may_check(user, language: str) -> bool:
    """Translators (drafters) and the language's revisers mark a language checked."""
    return user.has_perm("accounts.draft_documents") or may_sign_off(user, language)


@dataclass(frozen=True)
class Standing:
    """What holds for one language of a document now."""

    language: str
    checked: int | None  # the last revision it was checked against
    signoff: SignOff | None  # the sign-off that holds, if any
    withdrawn: SignOff | None  # the last sign-off, withdrawn by a later change


def decided_revisions(document_ids) -> dict[int, list[tuple[int, list[str], list[str]]]]:
    """Each document's checks and sign-offs as (revision number, [language], []) rows, the
    form of the revision rows documents/status.py reads (two queries for any number of
    documents)."""
    rows = defaultdict(list)
    for model in (LanguageCheck, SignOff):
        for pk, number, language in model.objects.filter(document_id__in=list(document_ids)
                                                         ).values_list(
                "document_id", "revision_number", "language"):
            rows[pk].append((number, [language], []))
    return rows


def _texts(content, languages) -> dict[str, str]:
    return {lang: content_mod.language_text(content, lang) for lang in languages}


def standings(document) -> dict[str, Standing]:
    """The check and sign-off standing of every language of `document`, now."""
    revisions = {r.number: r.content for r in document.revisions.all()}
    if not revisions:
        return {}
    current = revisions[max(revisions)]  # the newest, whatever the instance was read as
    source = source_language(current["languages"])
    now = _texts(current, language_codes())
    checks = defaultdict(int)
    for language, number in LanguageCheck.objects.filter(document=document).values_list(
            "language", "revision_number"):
        checks[language] = max(checks[language], number)
    held, withdrawn = {}, {}
    for signoff in SignOff.objects.filter(document=document).select_related("reviser"):
        then = revisions.get(signoff.revision_number)
        texts = _texts(then, (signoff.language, source)) if then else {}
        holds = bool(texts) and all(texts[lang] == now[lang]
                                    for lang in (signoff.language, source))
        target = held if holds else withdrawn
        if signoff.language not in target:  # newest first (Meta.ordering)
            target[signoff.language] = signoff
        checks[signoff.language] = max(checks[signoff.language], signoff.revision_number)
    return {
        lang: Standing(lang, checks.get(lang) or None, held.get(lang),
                       None if lang in held else withdrawn.get(lang))
        for lang in language_codes()
    }


def _current(document, revision_number: int) -> Document:
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.is_frozen:
        raise DocumentError(_("The document is issued: its languages can no longer be "
                              "checked or signed off."))
    if revision_number != document.revision_number:
        raise DocumentError(
            _("Revision %(number)s was saved while you were reading revision %(base)s; "
              "read it and decide again. Nothing was recorded.")
            % {"number": document.revision_number, "base": revision_number})
    return document


def _language(document, language):
    if language not in document.languages:
        raise DocumentError(_("The document is not issued in this language."))


def _decide(model, *, document, language, revision_number, actor, action, **fields):
    """Record one decision on `language` of the current revision (refused on another)."""
    document = _current(document, revision_number)
    _language(document, language)
    decision = model.objects.create(document=document, language=language,
                                    revision_number=revision_number, **fields)
    record(action=action, actor=actor, target=document, language=language,
           revision=revision_number)
    return decision


@transaction.atomic
def language_check(*, document, language: str, revision_number: int, by) -> LanguageCheck:
    """Mark `language` checked against the current revision (its text unchanged)."""
    if not may_check(by, language):
        raise NotPermitted(_("Your role does not allow this action."))
    return _decide(LanguageCheck, document=document, language=language, actor=by,
                   revision_number=revision_number, action="workbench.check", by=by)


@transaction.atomic
def language_sign_off(*, document, language: str, revision_number: int, by) -> SignOff:
    """The reviser of `language` signs off its text as it stands in the current revision."""
    if not may_sign_off(by, language):
        raise NotPermitted(_("Only a reviser of this language may sign it off."))
    return _decide(SignOff, document=document, language=language, actor=by,
                   revision_number=revision_number, action="workbench.sign_off", reviser=by)


# The same rule in SQL, for the work queues (register/queues.py counts every queue in one
# query). A sign-off holds there while no later revision changed its language or the source
# language (Revision.changed_languages); a text changed and then put back exactly as it was
# counts as changed there, so such a document waits in "Awaiting sign-off" although the
# gate would let it through: a reviser signs it off again.

def _has(lang: str) -> Q:
    return Q(languages__icontains=f'"{lang}"')


def _source_is(code: str) -> Q:
    codes = language_codes()
    condition = _has(code)
    for earlier in codes[:codes.index(code)]:
        condition &= ~_has(earlier)
    return condition


def _held(lang: str, source: str) -> Exists:
    changed = Q(changed_languages__icontains=f'"{lang}"')
    if source != lang:
        changed |= Q(changed_languages__icontains=f'"{source}"')
    later = Revision.objects.filter(changed, document_id=OuterRef(OuterRef("pk")),
                                    number__gt=OuterRef("revision_number"))
    return Exists(SignOff.objects.filter(~Exists(later), document_id=OuterRef("pk"),
                                         language=lang))


def _unsigned(lang: str) -> Q:
    """The document is in `lang` and no sign-off of `lang` holds."""
    return _has(lang) & reduce(operator.or_, [_source_is(source) & ~Q(_held(lang, source))
                                              for source in language_codes()])


def awaiting_signoff(reviser=None) -> Q:
    """Documents (a condition on Document) of a series that requires sign-off, with a
    language whose sign-off does not hold; with `reviser`, only the languages they revise."""
    waiting = []
    for lang in language_codes():
        condition = _unsigned(lang)
        if reviser is not None:
            condition &= Q(Exists(LanguageRight.objects.filter(
                user=reviser, language=lang, user__is_active=True)))
        waiting.append(condition)
    return Q(series__signoff_required=True) & reduce(operator.or_, waiting)


def free_to_issue() -> Q:
    """Documents the gate at issue does not stop (`awaiting_signoff()` negated)."""
    return (Q(series__isnull=True) | Q(series__signoff_required=False)
            | ~awaiting_signoff())
