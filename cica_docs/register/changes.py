"""Notices to delegates when something they received changes: a withdrawn document, and an
issued correction, reach every active delegate of every state that received the original,
in the delegate's language, by e-mail through the task queue (as the dispatch notices).

A correction's notice says that a correction was issued; the correction itself reaches the
state when it is dispatched (the portal names it then, `dispatching._corrected_symbol`).
"""

from django.core.mail import EmailMessage
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import timezone, translation

from cica_docs.circulation.dispatching import active_delegates, portal_link
from cica_docs.circulation.models import DispatchRecipient, MemberState
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.signals import workflow_changed
from cica_docs.languages import format_date
from cica_docs.queue import enqueue_on_commit

from .mail import send_once
from .models import ChangeNotice, Delivery


def notify_delegates(*, change: str, document, correction=None, comment: str = "") -> list:
    """A notice to every active delegate of every state that received `document`."""
    states = MemberState.objects.filter(pk__in=DispatchRecipient.objects.filter(
        document=document).values("state_id"))
    notices = [
        ChangeNotice.objects.create(
            change=change, document=document, correction=correction, comment=comment[:4000],
            state_id=delegate.member_state_id, delegate=delegate, email=delegate.email,
            language=delegate.preferred_language,
            mail=Delivery.QUEUED if delegate.email else Delivery.FAILED,
            mail_error="" if delegate.email else "no e-mail address",
        )
        for delegate in active_delegates(states)
    ]
    queued = [n.pk for n in notices if n.mail == Delivery.QUEUED]
    if queued:
        from .tasks import send_change_notice

        enqueue_on_commit(send_change_notice, queued)
    return notices


@receiver(workflow_changed)
def _on_workflow_change(sender, *, document, action, comment, **kwargs):
    if action == "withdraw":
        notify_delegates(change=ChangeNotice.Change.WITHDRAWN, document=document,
                         comment=comment)
    elif action == "issue" and document.corrects_id:
        notify_delegates(change=ChangeNotice.Change.CORRECTED, document=document.corrects,
                         correction=document)


def _issued(document, language):
    issued = document.issued
    return {"kind": get_kind(document.kind).label, "symbol": issued.symbol,
            "issued_on": format_date(issued.issued_on, language),
            "subject": document.display_title}


def change_message(notice: ChangeNotice) -> EmailMessage:
    with translation.override(notice.language):
        context = {
            "notice": notice, "delegate": notice.delegate, "state": notice.state,
            "original": _issued(notice.document, notice.language),
            "correction": _issued(notice.correction, notice.language)
            if notice.correction_id else None,
            "link": portal_link(notice.document, notice.language),
        }
        subject = render_to_string("register/email/change_subject.txt", context)
        body = render_to_string("register/email/change_body.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[notice.email])


def _message_of(notice_id: int) -> EmailMessage:
    return change_message(ChangeNotice.objects.select_related(
        "document__series", "correction__series", "delegate", "state",
        "document__issued", "correction__issued").get(pk=notice_id))


def send(notice_id: int) -> str:
    result = send_once(ChangeNotice, notice_id, _message_of)
    if result == "sent":
        ChangeNotice.objects.filter(pk=notice_id).update(sent_at=timezone.now())
    return result
