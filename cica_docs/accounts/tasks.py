from django.tasks import task

from .password_reset import password_reset_send


@task()
def send_password_reset(*, email: str, language: str, domain: str, use_https: bool) -> None:
    """The password-reset e-mail, sent by the worker for whatever address was asked."""
    password_reset_send(email=email, language=language, domain=domain, use_https=use_https)
