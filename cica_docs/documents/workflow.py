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
    # Only the person who created the document may act (with `permission`), or anyone
    # holding `others_permission`.
    own_only: bool = False
    others_permission: str = ""

    def allowed(self, document, user) -> bool:
        """Whether `user` may take this transition on `document` (its state aside)."""
        if self.others_permission and user.has_perm(self.others_permission):
            return True
        if not user.has_perm(self.permission):
            return False
        return not self.own_only or document.created_by_id == user.pk

    def permissions(self) -> tuple[str, ...]:
        """The permissions any of which lets a role ask for this transition at all."""
        return tuple(p for p in (self.permission, self.others_permission) if p)


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
        Transition("discard", _("Discard the draft"), (S.DRAFT,), S.DISCARDED,
                   "accounts.draft_documents", button="outline-danger", own_only=True,
                   others_permission="accounts.discard_documents"),
        # Not "restore": that word is the URL of restoring an old revision.
        Transition("reinstate", _("Restore the draft"), (S.DISCARDED,), S.DRAFT,
                   "accounts.draft_documents", button="outline-primary", own_only=True,
                   others_permission="accounts.discard_documents"),
    )
}


def available_transitions(document, user) -> list[Transition]:
    return [
        t for t in TRANSITIONS.values()
        if document.state in t.sources and t.allowed(document, user)
    ]
