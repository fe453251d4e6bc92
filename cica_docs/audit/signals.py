"""Logins, failed logins and logouts go to the audit log."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .log import record, security_event


@receiver(user_logged_in, dispatch_uid="audit_login")
def _logged_in(sender, request, user, **kwargs):
    record(action="auth.login", actor=user, request=request, state=user.member_state)


@receiver(user_logged_out, dispatch_uid="audit_logout")
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(action="auth.logout", actor=user, request=request, state=user.member_state)


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    # Only the name that was typed: looking the user up would make the log (and its
    # timing) differ between a wrong password and an unknown user.
    security_event(
        action="auth.login_failed",
        request=request,
        username=str(credentials.get("username", "")),
        purpose=str(credentials.get("purpose", "login")),
    )
