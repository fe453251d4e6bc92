"""The invitation e-mail: a link to choose one's password, in the person's language.

One function for delegates (circulation/services.py) and Secretariat staff
(accounts/staff.py); each gives its own wording (templates) and audit action.
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from cica_docs.audit.log import record, security_event

logger = logging.getLogger(__name__)


def invitation_send(*, user, by, templates: str, action: str, context: dict, request=None,
                    state=None) -> bool:
    """E-mail `user` a link to choose their password, rendered from `templates` + "_subject.txt"
    / "_body.txt" in their preferred language, with `context` and `link`, `days`.

    Uses Django's password-reset tokens, so the link dies once used, when the password
    changes, or after PASSWORD_RESET_TIMEOUT. Returns False (and records `action`_failed)
    when the mail server refuses: the account exists anyway and the link can be sent again.
    """
    with translation.override(user.preferred_language):
        path = reverse(
            "accounts:password-reset-confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        link = request.build_absolute_uri(path) if request else settings.SITE_URL + path
        context = {**context, "link": link,
                   "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)}
        subject = render_to_string(f"{templates}_subject.txt", context)
        body = render_to_string(f"{templates}_body.txt", context)
    message = EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email])
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Invitation to %s not sent: %r", user.username, error)
        security_event(action=f"{action}_failed", actor=by, request=request, target=user,
                       state=state, error=repr(error))
        return False
    record(action=action, actor=by, request=request, target=user, state=state,
           language=user.preferred_language)
    return True
