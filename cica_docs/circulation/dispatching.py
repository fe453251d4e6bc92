"""Dispatch, notices and receipts: an issued document reaching member states.

Every function is keyword-only. `dispatch_create` and `notices_resend` own their transaction
and only enqueue e-mail once it has committed, so a mail server that is down can neither
block nor undo a dispatch. `notice_send` is the body of the background task: it sends
outside any transaction (an SMTP conversation must not hold database locks).
"""

import logging
import smtplib
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cica_docs.audit.log import client_ip, record
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.models import Document
from cica_docs.issuing.services import missing_pdfs
from cica_docs.languages import format_date
from cica_docs.queue import enqueue_on_commit

from .models import CirculationList, Dispatch, DispatchRecipient, MemberState, Notice, Receipt

User = get_user_model()
logger = logging.getLogger(__name__)
# Sent when a notice is given up (no attempt left, or it cannot be sent): notice, error.
notice_failed = Signal()


class DispatchError(Exception):
    """A refused dispatch, with a message fit for the registrar who tried it."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass
class Plan:
    """Who would receive `document` if it were dispatched to `circulation_list` now."""

    new: list[MemberState] = field(default_factory=list)
    already: list[MemberState] = field(default_factory=list)
    inactive: list[MemberState] = field(default_factory=list)
    # Among `new`: states with no active delegate, whom no e-mail would reach (the document
    # still waits in their portal for a delegate invited later).
    unnotified: list[MemberState] = field(default_factory=list)


def dispatch_plan(*, document, circulation_list: CirculationList) -> Plan:
    received = set(
        DispatchRecipient.objects.filter(document=document).values_list("state_id", flat=True)
    )
    plan = Plan()
    for state in circulation_list.states.sorted():
        if state.pk in received:
            plan.already.append(state)
        elif not state.is_active:
            plan.inactive.append(state)
        else:
            plan.new.append(state)
    notified = set(
        active_delegates(plan.new).order_by().values_list("member_state_id", flat=True)
    )
    plan.unnotified = [state for state in plan.new if state.pk not in notified]
    return plan


def active_delegates(states):
    portal = Q(groups__permissions__codename="access_portal") | Q(
        user_permissions__codename="access_portal"
    )
    return (
        User.objects.filter(portal, member_state__in=states, is_active=True)
        .distinct()
        .order_by("member_state_id", "pk")
    )


@transaction.atomic
def dispatch_create(
    *, document, circulation_list: CirculationList, by, request=None, expected_states=None
) -> Dispatch:
    """Send the issued revision of `document` to the states on the list that do not have it.

    States that already received the document are left out (and named in the audit trail);
    if none is left, nothing is dispatched. `expected_states` (ids) is what the registrar
    was shown: if the list changed since, the dispatch is refused rather than surprising.
    """
    if not by.has_perm("accounts.register_documents"):
        raise DispatchError(_("Your role does not allow this action."))
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.state != Document.State.ISSUED:
        raise DispatchError(
            _("Only an issued document can be dispatched; this one is in the state "
              "“%(state)s”.") % {"state": document.get_state_display()}
        )
    missing = missing_pdfs(document)
    if missing:
        # Refused, not held: delegates must never be told of a document they cannot open.
        raise DispatchError(
            _("This document cannot be dispatched yet: its official PDFs are not all "
              "stored (missing: %(missing)s). Dispatch it once the document page shows "
              "them ready; if their rendering failed, render them again there.")
            % {"missing": ", ".join(_("package") if v == "package" else v.upper()
                                    for v in missing)}
        )
    circulation_list = CirculationList.objects.get(pk=circulation_list.pk)
    plan = dispatch_plan(document=document, circulation_list=circulation_list)
    if expected_states is not None and set(expected_states) != {s.pk for s in plan.new}:
        raise DispatchError(
            _("The recipients changed while you were looking at them (the list was edited "
              "or someone dispatched the document). Please check them again.")
        )
    if not plan.new:
        raise DispatchError(
            _("Every member state on “%(list)s” has already received this document; "
              "nothing was dispatched.") % {"list": circulation_list.name}
        )
    dispatch = Dispatch.objects.create(
        document=document, issued=document.issued, circulation_list=circulation_list,
        dispatched_by=by,
    )
    notices = [
        Notice(
            dispatch=dispatch, state_id=delegate.member_state_id, delegate=delegate,
            email=delegate.email, language=delegate.preferred_language,
            status=Notice.Status.QUEUED if delegate.email else Notice.Status.FAILED,
            last_error="" if delegate.email else "no e-mail address",
        )
        for delegate in active_delegates(plan.new)
    ]
    # The event names every recipient (its state's id and code) before they are written:
    # the database accepts a recipient only right after the dispatch event that names it
    # (cica_docs/database/guards.py), and `audit_verify` names any other.
    record(
        action="document.dispatch", actor=by, request=request, target=document,
        dispatch=dispatch.pk, circulation_list=circulation_list.name,
        states=[s.code for s in plan.new], state_ids=[s.pk for s in plan.new],
        already=[s.code for s in plan.already],
        inactive=[s.code for s in plan.inactive], notices=len(notices),
    )
    DispatchRecipient.objects.bulk_create(
        DispatchRecipient(dispatch=dispatch, document=document, state=state)
        for state in plan.new
    )
    Notice.objects.bulk_create(notices)
    _enqueue_on_commit(dispatch.notices.filter(status=Notice.Status.QUEUED))
    return dispatch


def _enqueue_on_commit(notices) -> None:
    from .tasks import send_notice

    enqueue_on_commit(send_notice, notices.values_list("pk", flat=True))


@transaction.atomic
def notices_resend(*, dispatch: Dispatch, by, request=None) -> int:
    """Queue every failed notice of the dispatch for one more attempt; return how many."""
    failed = dispatch.notices.filter(status=Notice.Status.FAILED)
    ids = list(failed.values_list("pk", flat=True))
    Notice.objects.filter(pk__in=ids).update(
        status=Notice.Status.QUEUED, retry_at=None, updated_at=timezone.now()
    )
    record(action="dispatch.notices_resend", actor=by, request=request, target=dispatch.document,
           dispatch=dispatch.pk, notices=len(ids))
    _enqueue_on_commit(Notice.objects.filter(pk__in=ids))
    return len(ids)


def requeue_lost_notices(now=None) -> int:
    """Queue again the notices whose task never ran: queued (the queue was down when the
    dispatch committed, or the task was lost) or due for a retry, and untouched for
    MAIL_SWEEP_GRACE seconds. A notice is claimed before it is sent (`notice_send`), so one
    queued twice is still sent once. A notice claimed (SENDING) that long ago by a worker
    that died before the mail server answered is put back to QUEUED and queued again: at
    least once, as `register/mail.py` says. The worker calls this with the render sweep."""
    from .tasks import send_notice

    cutoff = (now or timezone.now()) - timedelta(seconds=settings.MAIL_SWEEP_GRACE)
    stale_claims = list(Notice.objects.filter(
        status=Notice.Status.SENDING, updated_at__lt=cutoff).values_list("pk", flat=True)[:1000])
    if stale_claims:
        logger.warning("Notices claimed but never sent, queued again: %s", stale_claims)
        Notice.objects.filter(pk__in=stale_claims, status=Notice.Status.SENDING,
                              updated_at__lt=cutoff).update(status=Notice.Status.QUEUED)
    lost = Notice.objects.filter(
        Q(status=Notice.Status.QUEUED, updated_at__lt=cutoff)
        | Q(status=Notice.Status.FAILED, retry_at__lt=cutoff)
    ).values_list("pk", flat=True)
    ids = list(lost[:1000])
    for pk in ids:
        send_notice.enqueue(pk)
    return len(ids)


def portal_link(document, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse("portal:document", args=[document.pk])


def _corrected_symbol(document, delegate) -> str:
    """The number of the document this one corrects, if it reached the delegate's state
    too (a notice names nothing else)."""
    if not document.corrects_id:
        return ""
    earlier = Dispatch.objects.visible_to(delegate).filter(
        document_id=document.corrects_id).select_related("issued").first()
    return earlier.issued.symbol if earlier and earlier.issued.symbol else ""


def notice_message(notice: Notice) -> EmailMessage:
    """The notice in the delegate's language, with a link to the portal and no attachment."""
    dispatch, delegate = notice.dispatch, notice.delegate
    document, issued = dispatch.document, dispatch.issued
    with translation.override(notice.language):
        context = {
            "delegate": delegate,
            "state": notice.state,
            "kind": get_kind(document.kind).label,
            "symbol": issued.symbol,
            "subject": document.display_title,
            "issued_on": format_date(issued.issued_on, notice.language),
            "link": portal_link(document, notice.language),
            "corrects": _corrected_symbol(document, delegate),
        }
        subject = render_to_string("circulation/email/notice_subject.txt", context)
        body = render_to_string("circulation/email/notice_body.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[delegate.email])


def _retry_delay(attempts: int) -> timedelta:
    return timedelta(seconds=settings.NOTICE_RETRY_SECONDS * 2 ** (attempts - 1))


def notice_send(*, notice_id: int) -> str:
    """One attempt to send a notice; on failure, schedule the next one (bounded, backing off).

    The notice is claimed with a conditional update, so a retry and a "send again" that
    meet never send it twice.
    """
    claimed = Notice.objects.filter(
        pk=notice_id, status__in=[Notice.Status.QUEUED, Notice.Status.FAILED]
    ).update(status=Notice.Status.SENDING, attempts=F("attempts") + 1, retry_at=None,
             updated_at=timezone.now())
    if not claimed:
        return "skipped"
    notice = Notice.objects.select_related(
        "dispatch__document", "dispatch__issued", "delegate", "state"
    ).get(pk=notice_id)
    notice.dispatch.document = notice.dispatch.document.specific
    delegate = notice.delegate
    if not delegate.is_active or not delegate.email:
        reason = "account deactivated" if not delegate.is_active else "no e-mail address"
        _fail(notice, reason, retry=False)
        return "failed"
    try:
        notice_message(notice).send()
    except (smtplib.SMTPException, OSError) as error:
        _fail(notice, repr(error), retry=True)
        return "failed"
    Notice.objects.filter(pk=notice.pk).update(
        status=Notice.Status.SENT, email=delegate.email, sent_at=timezone.now(), last_error="",
        updated_at=timezone.now(),
    )
    return "sent"


def _fail(notice: Notice, error: str, *, retry: bool) -> None:
    from .tasks import send_notice

    logger.warning("Notice %s to %s not sent (attempt %s): %s",
                   notice.pk, notice.delegate.username, notice.attempts, error)
    retry = retry and notice.attempts < settings.NOTICE_MAX_ATTEMPTS
    deferred = send_notice.get_backend().supports_defer
    retry_at = timezone.now() + _retry_delay(notice.attempts) if retry and deferred else None
    Notice.objects.filter(pk=notice.pk).update(
        status=Notice.Status.FAILED, last_error=error[:2000], retry_at=retry_at,
        updated_at=timezone.now(),
    )
    if not retry:
        notice_failed.send(sender=Notice, notice=notice, error=error)
    if retry:
        # A backend that cannot defer (the immediate one of tests) retries at once.
        task = send_notice.using(run_after=retry_at) if deferred else send_notice
        task.enqueue(notice.pk)


@transaction.atomic
def receipt_create(*, dispatch: Dispatch, user, variant: str, mode: str, request=None):
    receipt = Receipt.objects.create(
        dispatch=dispatch, document_id=dispatch.document_id, issued_id=dispatch.issued_id,
        state_id=user.member_state_id, user=user, variant=variant, mode=mode,
        ip_address=client_ip(request),
    )
    # The state's id, not the row: a download asks the database no more than it must.
    record(action=f"portal.{mode}", actor=user, request=request, target=dispatch.document,
           state=user.member_state_id, variant=variant, dispatch=dispatch.pk, receipt=receipt.pk)
    return receipt


def receipt_acknowledge(*, dispatch: Dispatch, user, request=None) -> tuple[Receipt, bool]:
    """The delegation acknowledges receipt of a dispatched document: once per state (the
    first acknowledgement stands; asking again returns it). Returns (receipt, created)."""
    with transaction.atomic():
        # The document row is locked (as a dispatch locks it) so that two delegates of one
        # state acknowledging at the same moment give one acknowledgement. Not the dispatch
        # row: it is append-only, and the app's role may not lock what it may not update.
        Document.objects.select_for_update().filter(pk=dispatch.document_id).first()
        existing = dispatch.receipts.filter(
            state_id=user.member_state_id, mode=Receipt.Mode.ACKNOWLEDGE
        ).select_related("user").first()
        if existing is not None:
            return existing, False
        receipt = receipt_create(dispatch=dispatch, user=user, variant="",
                                 mode=Receipt.Mode.ACKNOWLEDGE, request=request)
        return receipt, True
