"""Writes of the workbench that are not decisions on a text (signoffs.py has those): the
revisers an administrator names, and the drafter's marks of unpaired paragraphs."""

from django.db import transaction
from django.utils.translation import gettext as _

from cica_docs.audit.log import record
from cica_docs.documents.services import DocumentError, NotPermitted

from .models import LanguageRight, Unpaired


def _require_manager(by):
    if not by.has_perm("accounts.manage_reference_data"):
        raise NotPermitted(_("Your role does not allow this action."))


@transaction.atomic
def reviser_add(*, user, language: str, by, request=None) -> LanguageRight:
    _require_manager(by)
    if LanguageRight.objects.filter(user=user, language=language).exists():
        raise DocumentError(_("%(name)s is already a reviser of this language.")
                            % {"name": user.get_full_name() or user.get_username()})
    right = LanguageRight.objects.create(user=user, language=language, granted_by=by)
    record(action="workbench.reviser_add", actor=by, request=request, target=user,
           language=language)
    return right


@transaction.atomic
def reviser_remove(*, right: LanguageRight, by, request=None) -> None:
    """Their sign-offs stay on record (and hold while the text is unchanged)."""
    _require_manager(by)
    user, language = right.user, right.language
    right.delete()
    record(action="workbench.reviser_remove", actor=by, request=request, target=user,
           language=language)


@transaction.atomic
def unpaired_toggle(*, document, field: str, language: str, block, by) -> bool:
    """Mark `block` as having no counterpart, or take the mark off; True when marked."""
    if not by.has_perm("accounts.draft_documents"):
        raise NotPermitted(_("Your role does not allow this action."))
    if document.is_frozen:
        raise DocumentError(_("What was issued never changes."))
    found = Unpaired.objects.filter(document=document, field=field, language=language,
                                    digest=block.digest)
    if found.exists():
        found.delete()
        return False
    Unpaired.objects.create(document=document, field=field, language=language,
                            digest=block.digest, excerpt=block.text[:120], marked_by=by)
    return True
