"""Services of the document platform: every write that touches several rows or a rule.

Views call exactly one of these; each is one transaction and locks the document row, so
two people acting at once are serialised and the second one is told what happened.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from cica_docs.audit.log import record, security_event
from cica_docs.issuing.services import schedule_render

from . import content as content_mod
from . import search
from .checks import errors, run_checks, warnings
from .enclosures import enclosure_problems, enclosure_title, parse_reference
from .issue_dates import astana_today, issue_date_problem
from .kinds import DocumentKind, get_kind
from .merge import content_merge
from .models import (
    Document,
    IssuedEnclosure,
    IssuedRevision,
    NumberGap,
    Revision,
    Series,
    WorkflowEvent,
)
from .signals import workflow_changed
from .workflow import TRANSITIONS


class DocumentError(Exception):
    """A refused action, with a message fit for the person who tried it."""

    def __init__(self, message, findings=()):
        super().__init__(str(message))
        self.message = message
        self.findings = list(findings)


class StaleRevision(DocumentError):
    """Someone saved since the revision the edit started from. `merge` is the three-way
    merge of the edit with the newest revision (None when the starting revision is not one
    of the document's), `latest` the newest revision."""

    def __init__(self, message, *, merge=None, latest=None):
        super().__init__(message)
        self.merge = merge
        self.latest = latest


class TransitionNotAllowed(DocumentError):
    pass


class NotPermitted(TransitionNotAllowed, PermissionDenied):
    """The person's role (or not being the draft's author) does not allow the action. A
    view that lets it through answers 403, like the API."""


def require_drafter(user) -> None:
    """Writing content — create, edit, restore, correct — is the drafters'. The services
    that write call this; a page may call it first to stay closed."""
    if not user.has_perm("accounts.draft_documents"):
        raise NotPermitted(_("Your role does not allow this action."))


class ChecksFailed(DocumentError):
    pass


class IssueDateRefused(DocumentError):
    """The date of issue breaks the register's order, or back-dating lacks its reason;
    `field` names what to correct ("date" or "backdating_reason")."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field


def _lock(document: Document) -> Document:
    return type(document).objects.select_for_update().get(pk=document.pk)


def _refuse_bad_enclosures(document, kind_key, content):
    problems = enclosure_problems(
        document=document, kind_key=kind_key, ids=content["enclosures"]
    )
    if problems:
        raise DocumentError(" ".join(problems))


def _new_revision(*, document, author, content, comment="", restored_from=None) -> Revision:
    previous = document.revisions.order_by("-number").first()
    changed, modified = content_mod.language_changes(
        previous.content if previous else None, content
    )
    document.revision_number += 1
    content_mod.apply(document, content)
    document.save()
    content_mod.apply_enclosures(document, content)
    search.index(document, content)
    return Revision.objects.create(
        document=document,
        number=document.revision_number,
        content=content,
        content_hash=content_mod.content_hash(content),
        changed_languages=changed,
        modified_languages=modified,
        author=author,
        comment=comment,
        restored_from=restored_from,
    )


@transaction.atomic
def document_create(*, kind: DocumentKind, author, content: dict, comment: str = "") -> Document:
    require_drafter(author)
    content = content_mod.normalised(content)
    _refuse_bad_enclosures(None, kind.key, content)
    document = kind.model(kind=kind.key, created_by=author)
    content_mod.apply(document, content)
    document.save()
    _new_revision(document=document, author=author, content=content, comment=comment)
    return document


@transaction.atomic
def revision_create(
    *, document, author, content: dict, base_revision: int, comment: str = "",
    merge: bool = False,
):
    """Save new content as a new revision. If someone saved since `base_revision`, the
    edit is merged three-way with the newest revision (`merge.content_merge`): with `merge`
    and no conflict the merged content is saved; otherwise StaleRevision carries the merge,
    for the person to see and decide, and nothing is saved.

    Returns the new revision, or None when the content did not change.
    """
    require_drafter(author)
    content = content_mod.normalised(content)
    document = _lock(document)
    if not document.is_editable:
        raise TransitionNotAllowed(
            _("Only a draft can be edited; this document is in the state “%(state)s”.")
            % {"state": document.get_state_display()}
        )
    if document.revision_number != base_revision:
        latest = document.revisions.order_by("-number").first()
        started = document.revisions.filter(number=base_revision).first()
        merged = None
        if started is not None:
            merged = content_merge(base=started.content, theirs=latest.content, yours=content)
        if not (merge and merged is not None and not merged.conflicts):
            raise StaleRevision(
                _("%(author)s saved revision %(number)s while you were editing revision "
                  "%(base)s. Nothing was saved.")
                % {"author": latest.author.get_full_name() or latest.author.get_username(),
                   "number": latest.number, "base": base_revision},
                merge=merged, latest=latest,
            )
        content = merged.content
        comment = comment or _("Merged with revision %(number)s") % {"number": latest.number}
    if content_mod.content_hash(content) == content_mod.content_hash(
        content_mod.snapshot(document)
    ):
        return None
    _refuse_bad_enclosures(document, document.kind, content)
    return _new_revision(document=document, author=author, content=content, comment=comment)


@transaction.atomic
def revision_restore(*, document, number: int, author, base_revision: int) -> Revision | None:
    """Make an old revision's content current again, as a new revision.

    The workflow state and the number are never restored: only content.
    """
    old = document.revisions.get(number=number)
    return revision_create(
        document=document,
        author=author,
        content=old.content,
        base_revision=base_revision,
        comment=_("Restored from revision %(number)s") % {"number": number},
    )


def _check_transition(document, action, by, comment):
    transition = TRANSITIONS[action]
    if not any(by.has_perm(p) for p in transition.permissions()):
        raise NotPermitted(_("Your role does not allow this action."))
    if document.state not in transition.sources:
        raise TransitionNotAllowed(
            _("“%(action)s” is not possible: the document is now in the state “%(state)s”. "
              "Someone may have acted on it a moment ago.")
            % {"state": document.get_state_display(), "action": transition.label}
        )
    if not transition.allowed(document, by):
        raise NotPermitted(
            _("Only the person who created this draft, or an administrator, may do this."))
    if action == "discard" and (document.number is not None
                                or IssuedRevision.objects.filter(document=document).exists()):
        raise TransitionNotAllowed(_("An issued document is never discarded; withdraw it."))
    if transition.needs_comment and not comment.strip():
        raise TransitionNotAllowed(_("Please say why, in the comment."))
    return transition


def _run_blocking_checks(document, acknowledge_warnings):
    findings = run_checks(document.specific)
    if errors(findings):
        raise ChecksFailed(_("The document has errors to correct first."), findings)
    if warnings(findings) and not acknowledge_warnings:
        raise ChecksFailed(
            _("Please read the warnings and confirm that the document is right as it is."),
            findings,
        )


def _record(document, transition, by, comment, from_state):
    WorkflowEvent.objects.create(
        document=document, action=transition.action, from_state=from_state,
        to_state=transition.target, actor=by, comment=comment,
        revision_number=document.revision_number,
    )
    workflow_changed.send(sender=Document, document=document, action=transition.action, by=by,
                          comment=comment)


@transaction.atomic
def document_transition(
    *, document, action: str, by, comment: str = "", acknowledge_warnings: bool = False
) -> Document:
    """submit, approve, return, withdraw, discard or reinstate (issue has its own service:
    it numbers). A discarded draft leaves every list but keeps its revisions and events, and
    goes to the audit log; reinstating makes it a draft again."""
    if action == "issue":
        raise ValueError("use document_issue")
    document = _lock(document)
    transition = _check_transition(document, action, by, comment)
    if transition.runs_checks:
        _run_blocking_checks(document, acknowledge_warnings)
    from_state = document.state
    document.state = transition.target
    document.save(update_fields=["state", "updated_at"])
    _record(document, transition, by, comment, from_state)
    if action in ("discard", "reinstate"):
        record(action=f"document.{action}", actor=by, target=document, comment=comment,
               title=document.display_title)
    return document


class NumberTaken(DocumentError):
    """The series' counter names a number already given: it was changed outside the
    application (the database refuses to lower it; SQLite without its guard did not)."""


def _allocate_number(series_id: int, issued_on: datetime.date) -> tuple[int, int]:
    """The next number of the series, taken under a row lock in the issuing transaction:
    concurrent issues wait for each other, and a rolled-back issue gives its number back.
    A counter that names a number already given refuses the issue (NumberTaken)."""
    series = Series.objects.select_for_update().get(pk=series_id)
    year = issued_on.year if series.restart_yearly else 0
    if series.restart_yearly and series.year != issued_on.year:
        series.year, series.next_number = issued_on.year, 1
    number = series.next_number
    highest = series.highest_used(year)
    if highest is not None and number <= highest:
        raise NumberTaken(
            _("The series %(series)s would give number %(number)s, which is already taken "
              "(the highest number given is %(highest)s): its counter was changed outside "
              "the application. Nothing was issued; an administrator must check the series.")
            % {"series": series.code, "number": number, "highest": highest}
        )
    series.next_number = number + 1
    series.save(update_fields=["next_number", "year"])
    return number, year


# The most numbers one skip leaves unused: a typo (27500 for 2750) must not empty a register.
MAX_SKIP = 1000


@transaction.atomic
def series_skip(*, series, to_number: int, reason: str, by, request=None) -> NumberGap:
    """Leave the numbers from the series' counter up to `to_number - 1` unused, on purpose:
    `to_number` becomes the next number. The numbers skipped and the reason are kept
    (NumberGap, shown on the series page) and audited. The view asks for the password
    first; the counter never goes back (only forward, by this or by issuing)."""
    if not (by.has_perm("accounts.register_documents")
            or by.has_perm("accounts.manage_reference_data")):
        raise TransitionNotAllowed(_("Your role does not allow this action."))
    reason = (reason or "").strip()
    if not reason:
        raise DocumentError(_("Please say why these numbers are left unused."))
    series = Series.objects.select_for_update().get(pk=series.pk)
    if series.restart_yearly and series.year != astana_today().year:
        series.year, series.next_number = astana_today().year, 1
    first = series.next_number
    if to_number <= first:
        raise DocumentError(
            _("The next number of %(series)s is already %(next)s: numbers can only be skipped "
              "forward, to a higher next number.") % {"series": series.code, "next": first})
    if to_number - first > MAX_SKIP:
        raise DocumentError(
            _("At most %(count)s numbers can be skipped at once; is %(number)s a typing "
              "error?") % {"count": MAX_SKIP, "number": to_number})
    gap = NumberGap.objects.create(
        series=series, year=series.counter_year(), first=first, last=to_number - 1,
        reason=reason, skipped_by=by,
    )
    series.next_number = to_number
    series.save(update_fields=["next_number", "year"])
    record(action="series.skip", actor=by, request=request, target=series,
           year=gap.year, first=gap.first, last=gap.last, reason=reason)
    return gap


def _enclosed_to_issue(references: list) -> list[Document]:
    """The documents among `references` (locked, in order); refuses the issue, naming the
    document, when one is neither approved nor issued: an enclosure is issued with the
    document that encloses it, or before it."""
    found = []
    for value in references:
        kind, number = parse_reference(value)
        if kind != "document":
            continue
        enclosed = Document.objects.select_for_update().get(pk=number)
        if enclosed.state not in (Document.State.APPROVED, Document.State.ISSUED):
            raise TransitionNotAllowed(
                _("The enclosure “%(name)s” is “%(state)s”: an enclosed document is issued "
                  "together with the document that encloses it, so it must be approved "
                  "first. Nothing was issued.")
                % {"name": enclosure_title(enclosed), "state": enclosed.state_label}
            )
        found.append(enclosed)
    return found


def _bind_enclosures(issued: IssuedRevision, references: list, issued_with: dict) -> None:
    """Record what `issued` encloses, each document by its issued revision."""
    rows = []
    for position, value in enumerate(references):
        kind, number = parse_reference(value)
        if kind == "file":
            rows.append(IssuedEnclosure(issued=issued, position=position, file_id=number))
            continue
        enclosed_issue = issued_with.get(number) or IssuedRevision.objects.get(
            document_id=number)
        rows.append(IssuedEnclosure(issued=issued, position=position, enclosed_id=number,
                                    revision_id=enclosed_issue.revision_id))
    IssuedEnclosure.objects.bulk_create(rows)


def document_issue(
    *, document, by, issued_on: datetime.date | None = None, acknowledge_warnings: bool = False,
    comment: str = "", backdating_reason: str = "",
) -> IssuedRevision:
    """Give an approved document its number and date and freeze the current revision
    (`_issue`). A counter found forged is also a security event, recorded after the
    refused issue has rolled back."""
    try:
        return _issue(document=document, by=by, issued_on=issued_on,
                      acknowledge_warnings=acknowledge_warnings, comment=comment,
                      backdating_reason=backdating_reason)
    except NumberTaken as error:
        security_event(action="series.number_taken", actor=by, target=document,
                       series=document.series_id, message=str(error))
        raise


@transaction.atomic
def _issue(
    *, document, by, issued_on: datetime.date | None = None, acknowledge_warnings: bool = False,
    comment: str = "", backdating_reason: str = "",
) -> IssuedRevision:
    """The date (default: today in Astana) follows `issue_dates`: not after today, not
    before the previous number of the series, and a reason when it is before today.

    Each enclosed document is bound to its issued revision; one that is approved but not
    yet issued is issued here, in the same transaction (its own number if its kind has a
    series), so that the package contains exactly what was approved."""
    document = _lock(document)
    transition = _check_transition(document, "issue", by, comment)
    issued_on = issued_on or astana_today()
    if document.series_id:  # the previous number's date is read under the series lock
        Series.objects.select_for_update().get(pk=document.series_id)
    problem = issue_date_problem(document, issued_on, backdating_reason)
    if problem:
        raise IssueDateRefused(*problem)
    revision = document.revisions.get(number=document.revision_number)
    references = content_mod.normalised(revision.content)["enclosures"]
    enclosed = _enclosed_to_issue(references)
    _run_blocking_checks(document, acknowledge_warnings)
    from cica_docs.workbench import gate  # the platform's sign-off rule (workbench/gate.py)

    signoffs = gate.signoffs_for_issue(document)
    issued_with = {}
    for paper in enclosed:
        if paper.state != Document.State.APPROVED:
            continue
        try:
            issued_with[paper.pk] = document_issue(
                document=paper.specific, by=by, issued_on=issued_on,
                acknowledge_warnings=acknowledge_warnings, backdating_reason=backdating_reason,
            )
        except DocumentError as error:
            error.message = _("The enclosure “%(name)s” could not be issued with it: "
                              "%(reason)s") % {"name": enclosure_title(paper),
                                               "reason": error.message}
            error.args = (str(error.message),)
            raise
    if document.series_id:
        document.number, document.number_year = _allocate_number(document.series_id, issued_on)
    from_state = document.state
    document.state = transition.target
    document.issued_on = issued_on
    document.save(update_fields=["state", "number", "number_year", "issued_on", "updated_at"])
    _record(document, transition, by, comment, from_state)
    issued = IssuedRevision.objects.create(
        document=document,
        revision=revision,
        symbol=document.symbol,
        issued_on=issued_on,
        issued_by=by,
        backdating_reason=backdating_reason.strip() if issued_on < astana_today() else "",
    )
    _bind_enclosures(issued, references, issued_with)
    gate.bind(issued, signoffs)
    schedule_render(document=document)
    return issued


@transaction.atomic
def document_correct(*, document, by) -> tuple[Document, list[str]]:
    """Start the correction of an issued (or withdrawn) document: a new draft of the same
    kind, with the content that was issued, pointing to the document it corrects. The issued
    document and its number are never touched; the correction gets its own number when it
    is issued. While one correction is still being prepared, asking again returns it.

    Returns the correction and what was left out of it (enclosures that can no longer be
    enclosed, such as a paper withdrawn since), as messages for the person.
    """
    require_drafter(by)
    document = _lock(document)
    if not document.is_frozen:
        raise TransitionNotAllowed(
            _("Only an issued or withdrawn document can be corrected; this one is in the "
              "state “%(state)s” and can still be edited.")
            % {"state": document.get_state_display()}
        )
    pending = (document.corrections.exclude(state__in=Document.FROZEN_STATES)
               .exclude(state=Document.State.DISCARDED).order_by("pk").first())
    if pending is not None:
        return pending.specific, []
    content = content_mod.normalised(document.issued.revision.content)
    kept, left_out = [], []
    for reference in content["enclosures"]:
        problems = enclosure_problems(document=None, kind_key=document.kind, ids=[reference])
        (left_out if problems else kept).append(problems or reference)
    content["enclosures"] = kept
    correction = document_create(
        kind=get_kind(document.kind), author=by, content=content,
        comment=_("Correction of %(document)s") % {"document": document.label},
    )
    correction.corrects = document
    correction.save(update_fields=["corrects"])
    return correction, [" ".join(problems) for problems in left_out]
