"""Password reset without telling who has an account (SECURITY.md 7).

Django's form looks the address up, makes a token and talks to the mail server inside the
request when the address is known, and does none of it when it is not: the answer comes
later for a real account, so its timing tells an attacker which addresses exist. Here the
request only validates the form and queues one task, the same for every address; the
worker (`accounts.tasks.send_password_reset`) looks the address up and sends, in the
language of the page it was asked from.
"""

from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation

SUBJECT_TEMPLATE = "registration/password_reset_subject.txt"
EMAIL_TEMPLATE = "registration/password_reset_email.txt"


class QueuedPasswordResetForm(PasswordResetForm):
    """The password-reset form whose `save` queues the e-mail instead of sending it."""

    def save(self, *, request, use_https=False, **_ignored):
        from .tasks import send_password_reset

        send_password_reset.enqueue(
            email=self.cleaned_data["email"], language=translation.get_language(),
            domain=request.get_host(), use_https=use_https,
        )


def password_reset_send(*, email: str, language: str, domain: str, use_https: bool) -> None:
    """Send the reset link to each active account with a usable password at `email` (none
    for an unknown address). Mail errors are logged by Django's form, not raised."""
    with translation.override(language):
        form = PasswordResetForm({"email": email})
        if form.is_valid():
            form.save(domain_override=domain, use_https=use_https,
                      subject_template_name=SUBJECT_TEMPLATE, email_template_name=EMAIL_TEMPLATE)
