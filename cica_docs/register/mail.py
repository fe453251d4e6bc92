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
