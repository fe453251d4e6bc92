"""The workflow of every document kind: which action moves which state, and who may do it."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Document

S = Document.State


@dataclass(frozen=True)
class Transition:
    action: str
    label: object
    sources: tuple[str, ...]
    target: str
    permission: str
    needs_comment: bool = False
    runs_checks: bool = False
    button: str = "primary"


TRANSITIONS = {
    t.action: t
    for t in (
        Transition("submit", _("Submit for review"), (S.DRAFT,), S.SUBMITTED,
                   "accounts.draft_documents", runs_checks=True),
        Transition("approve", _("Approve"), (S.SUBMITTED,), S.APPROVED,
                   "accounts.review_documents", runs_checks=True, button="success"),
        Transition("return", _("Return to draft"), (S.SUBMITTED, S.APPROVED), S.DRAFT,
                   "accounts.review_documents", needs_comment=True, button="warning"),
        Transition("issue", _("Issue"), (S.APPROVED,), S.ISSUED,
                   "accounts.register_documents", runs_checks=True, button="success"),
        Transition("withdraw", _("Withdraw"), (S.ISSUED,), S.WITHDRAWN,
                   "accounts.register_documents", needs_comment=True, button="danger"),
    )
}


def available_transitions(document, user) -> list[Transition]:
    return [
        t for t in TRANSITIONS.values()
        if document.state in t.sources and user.has_perm(t.permission)
    ]
