"""Sending one queued e-mail of a notification or a notice: claimed first (a row whose
`mail` is QUEUED becomes SENT in one conditional update), so that two workers never send
it twice; a mail server that refuses it leaves the row FAILED with the reason."""

import logging
import smtplib

from .models import Delivery

logger = logging.getLogger(__name__)


def send_once(model, pk: int, build) -> str:
    """Send `build(row)`'s message for row `pk` of `model`: "sent", "failed" or "skipped"."""
    if not model.objects.filter(pk=pk, mail=Delivery.QUEUED).update(mail=Delivery.SENT):
        return "skipped"
    try:
        build(pk).send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("%s %s not sent: %r", model.__name__, pk, error)
        model.objects.filter(pk=pk).update(mail=Delivery.FAILED, mail_error=repr(error)[:2000])
        return "failed"
    return "sent"


def requeue_lost_mail(now=None) -> int:
    """Queue again the staff notifications and change notices whose e-mail is still
    queued MAIL_SWEEP_GRACE seconds after it was written (the queue was down, or the task
    was lost). Each is claimed before it is sent (`send_once`): queued twice, sent once."""
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    from .models import ChangeNotice, StaffNotification
    from .tasks import send_change_notice, send_staff_notification

    cutoff = (now or timezone.now()) - timedelta(seconds=settings.MAIL_SWEEP_GRACE)
    count = 0
    for model, task in ((StaffNotification, send_staff_notification),
                        (ChangeNotice, send_change_notice)):
        ids = list(model.objects.filter(mail=Delivery.QUEUED, created_at__lt=cutoff)
                   .values_list("pk", flat=True)[:1000])
        for pk in ids:
            task.enqueue(pk)
        count += len(ids)
    return count
