"""Sending one queued e-mail of a notification or a notice, at least once.

A worker first *claims* the row (QUEUED becomes SENDING with `claimed_at`, one conditional
update, so two workers never both send it), then hands the message to the mail server, and
only once the server has accepted it is the row SENT. A server that refuses it leaves the
row FAILED with the reason. A worker killed between the claim and the answer of the server
leaves the row SENDING: the worker's sweep (`requeue_lost_mail`, in `issuing/sweep.py`)
puts it back to QUEUED once it has been claimed for MAIL_SWEEP_GRACE seconds (far longer
than EMAIL_TIMEOUT, the longest an SMTP exchange may take) and queues it again.

So the guarantee is *at least once*, never *at most once*: a worker killed after the server
accepted the message but before the row became SENT sends it again after the sweep — a
delegate may read one notice twice, but never misses one. The delegates' dispatch notices
(`circulation/dispatching.py notice_send`) follow the same claim (SENDING) and are swept
back the same way (`requeue_lost_notices`)."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import Delivery

logger = logging.getLogger(__name__)


def send_once(model, pk: int, build) -> str:
    """Send `build(pk)`'s message for row `pk` of `model`: "sent", "failed" or "skipped"."""
    if not model.objects.filter(pk=pk, mail=Delivery.QUEUED).update(
            mail=Delivery.SENDING, claimed_at=timezone.now()):
        return "skipped"
    try:
        build(pk).send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("%s %s not sent: %r", model.__name__, pk, error)
        model.objects.filter(pk=pk).update(mail=Delivery.FAILED, mail_error=repr(error)[:2000])
        return "failed"
    # Accepted by the server. QUEUED too: a sweep that took this claim for lost (an SMTP
    # exchange longer than the grace) must not make the next worker send it again.
    model.objects.filter(pk=pk, mail__in=[Delivery.SENDING, Delivery.QUEUED]).update(
        mail=Delivery.SENT, mail_error="")
    return "sent"


def requeue_lost_mail(now=None) -> int:
    """Queue again the staff notifications and change notices whose e-mail is lost: still
    QUEUED MAIL_SWEEP_GRACE seconds after it was written (the queue was down, or the task
    was lost), or claimed (SENDING) that long ago by a worker that never finished (killed,
    its machine gone). Each is claimed again before it is sent (`send_once`): queued twice,
    sent once."""
    from django.db.models import Q

    from .models import ChangeNotice, StaffNotification
    from .tasks import send_change_notice, send_staff_notification

    cutoff = (now or timezone.now()) - timedelta(seconds=settings.MAIL_SWEEP_GRACE)
    count = 0
    for model, task in ((StaffNotification, send_staff_notification),
                        (ChangeNotice, send_change_notice)):
        stale_claims = list(model.objects.filter(
            mail=Delivery.SENDING, claimed_at__lt=cutoff).values_list("pk", flat=True)[:1000])
        if stale_claims:
            logger.warning("%s e-mail claimed but never sent, queued again: %s",
                           model.__name__, stale_claims)
            model.objects.filter(pk__in=stale_claims, mail=Delivery.SENDING,
                                 claimed_at__lt=cutoff).update(mail=Delivery.QUEUED)
        ids = list(model.objects.filter(
            Q(created_at__lt=cutoff) | Q(pk__in=stale_claims), mail=Delivery.QUEUED,
        ).values_list("pk", flat=True)[:1000])
        for pk in ids:
            task.enqueue(pk)
        count += len(ids)
    return count
