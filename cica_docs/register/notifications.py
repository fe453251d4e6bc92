"""Notifications to staff: who is told of what, in the in-app list and by e-mail.

- submitted for review → every reviewer;
- returned to draft (with the comment) → the drafter who created it;
- approved → every registrar;
- a rendering given up, a notice to a delegate given up → every registrar.

The rows are written by receivers of the workflow's and the senders' signals, so inside the
transaction of the change: a change rolled back tells nobody. Each e-mail is a task queued
on commit (django-tasks, as the delegates' notices), written in the recipient's language;
each person may turn e-mail off (`NotificationPreference`) and still sees the list.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cica_docs.circulation.dispatching import notice_failed
from cica_docs.documents.signals import workflow_changed
from cica_docs.issuing.services import rendering_failed
from cica_docs.queue import enqueue_on_commit

from .mail import send_once
from .models import NotificationPreference, StaffNotification

Event = StaffNotification.Event

ACTIONS = {"submit": Event.SUBMITTED, "return": Event.RETURNED, "approve": Event.APPROVED}
FOR_REGISTRARS = "accounts.register_documents"


def holders(permission: str):
    """The active people who hold `permission` through a role or by themselves."""
    app_label, codename = permission.split(".")
    through_role = Q(groups__permissions__codename=codename,
                     groups__permissions__content_type__app_label=app_label)
    own = Q(user_permissions__codename=codename,
            user_permissions__content_type__app_label=app_label)
    return get_user_model().objects.filter(through_role | own, is_active=True).distinct()


def wants_email(user) -> bool:
    preference = NotificationPreference.objects.filter(user=user).first()
    return bool(user.email) and (preference is None or preference.email)


def notify(*, event: str, document, recipients, actor=None, comment: str = "") -> list:
    """Tell each of `recipients` (but the actor) of `event`; e-mail those who want it, once
    the transaction commits."""
    created = []
    for user in recipients:
        if actor is not None and user.pk == actor.pk:
            continue
        mail = StaffNotification.Mail.QUEUED if wants_email(user) else StaffNotification.Mail.OFF
        created.append(StaffNotification.objects.create(
            recipient=user, event=event, document=document, actor=actor,
            comment=comment[:4000], mail=mail))
    queued = [n.pk for n in created if n.mail == StaffNotification.Mail.QUEUED]
    if queued:
        from .tasks import send_staff_notification

        enqueue_on_commit(send_staff_notification, queued)
    return created


@receiver(workflow_changed)
def _on_workflow_change(sender, *, document, action, by, comment, **kwargs):
    event = ACTIONS.get(action)
    if event == Event.SUBMITTED:
        notify(event=event, document=document, actor=by,
               recipients=holders("accounts.review_documents"))
    elif event == Event.RETURNED:
        notify(event=event, document=document, actor=by, comment=comment,
               recipients=[document.created_by])
    elif event == Event.APPROVED:
        notify(event=event, document=document, actor=by, recipients=holders(FOR_REGISTRARS))


def _unread_already(event, document) -> set[int]:
    return set(StaffNotification.objects.filter(
        event=event, document=document, read_at__isnull=True,
    ).values_list("recipient_id", flat=True))


@receiver(rendering_failed)
def _on_rendering_failed(sender, *, document, error, **kwargs):
    notify(event=Event.RENDER_FAILED, document=document, comment=error,
           recipients=holders(FOR_REGISTRARS))


@receiver(notice_failed)
def _on_notice_failed(sender, *, notice, error, **kwargs):
    """Once per registrar and document until read: a list of twenty delegates whose
    addresses bounce is one thing to look at, not twenty."""
    document = notice.dispatch.document
    told = _unread_already(Event.NOTICE_FAILED, document)
    who = notice.delegate.get_full_name() or notice.delegate.get_username()
    notify(event=Event.NOTICE_FAILED, document=document, comment=f"{who}: {error}",
           recipients=[u for u in holders(FOR_REGISTRARS) if u.pk not in told])


def message(notification: StaffNotification) -> str:
    """The notification as one sentence in the active language."""
    actor = notification.actor
    values = {
        "actor": (actor.get_full_name() or actor.get_username()) if actor else "",
        "document": notification.document.label,
    }
    texts = {
        Event.SUBMITTED: _("%(actor)s submitted %(document)s for review."),
        Event.RETURNED: _("%(actor)s returned %(document)s to draft."),
        Event.APPROVED: _("%(actor)s approved %(document)s; it is ready to issue."),
        Event.RENDER_FAILED: _("The official PDFs of %(document)s could not be made."),
        Event.NOTICE_FAILED: _("A notice of %(document)s to a delegate could not be sent."),
        Event.ASSIGNED: _("%(actor)s assigned %(document)s to you."),
    }
    text = texts[notification.event] % values
    if notification.event == Event.ASSIGNED and notification.comment:
        # the comment of an assignment is its due date (ISO), shown in the reader's form
        import datetime

        from cica_docs.languages import format_date

        due = datetime.date.fromisoformat(notification.comment)
        text += " " + _("Due on %(date)s.") % {
            "date": format_date(due, translation.get_language() or settings.LANGUAGE_CODE)}
    return text


def link(notification: StaffNotification, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + notification.document.get_absolute_url()


def email_message(notification: StaffNotification) -> EmailMessage:
    user = notification.recipient
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"notification": notification, "message": message(notification),
                   "link": link(notification, language), "user": user}
        subject = render_to_string("register/email/staff_subject.txt", context)
        body = render_to_string("register/email/staff_body.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email])


def _message_of(notification_id: int) -> EmailMessage:
    notification = StaffNotification.objects.select_related(
        "recipient", "actor", "document__series").get(pk=notification_id)
    notification.document = notification.document.specific
    return email_message(notification)


def send(notification_id: int) -> str:
    """Send one notification's e-mail, once."""
    return send_once(StaffNotification, notification_id, _message_of)


def unread_count(user) -> int:
    return StaffNotification.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(user) -> int:
    return StaffNotification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now())


def set_email(user, on: bool) -> None:
    NotificationPreference.objects.update_or_create(user=user, defaults={"email": on})
