import pytest
from django.urls import reverse

from cica_docs.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_login_and_a_logout_are_recorded_with_the_address(client, delegate_kz, password):
    client.post(reverse("accounts:login"), {"username": "delegate.kz", "password": password},
                REMOTE_ADDR="198.51.100.4")
    client.post(reverse("accounts:logout"))
    login, logout = AuditEvent.objects.order_by("id").filter(
        action__in=["auth.login", "auth.logout"]
    )
    assert (login.action, login.actor, login.ip_address) == (
        "auth.login", delegate_kz, "198.51.100.4"
    )
    assert login.member_state == delegate_kz.member_state
    assert (logout.action, logout.actor) == ("auth.logout", delegate_kz)


def test_failed_logins_look_the_same_for_known_and_unknown_users(client, drafter):
    client.post(reverse("accounts:login"), {"username": "drafter", "password": "wrong-one"})
    client.post(reverse("accounts:login"), {"username": "nobody", "password": "wrong-one"})
    known, unknown = AuditEvent.objects.filter(action="auth.login_failed").order_by("id")
    assert known.actor is None and unknown.actor is None
    assert (known.actor_username, unknown.actor_username) == ("drafter", "nobody")
    assert known.detail == unknown.detail == {"purpose": "login"}
    assert "wrong-one" not in str(known.detail)
