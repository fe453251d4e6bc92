"""Deactivation ends a person's sessions with every session engine Django ships (the cache
one on the real Redis), and reactivation does not bring them back (SECURITY.md 15)."""

import pytest
from django.test import Client
from django.urls import reverse

from cica_docs.accounts.sessions import sessions_end_for
from cica_docs.circulation import services

pytestmark = pytest.mark.django_db
REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                     "LOCATION": "redis://127.0.0.1:6379/0", "KEY_PREFIX": "test-sessions"}}


@pytest.mark.parametrize(("engine", "counted"), [
    ("django.contrib.sessions.backends.db", 1),
    ("django.contrib.sessions.backends.cached_db", 1),
    ("django.contrib.sessions.backends.cache", None),
    ("django.contrib.sessions.backends.file", None),
    ("django.contrib.sessions.backends.signed_cookies", None),
])
def test_deactivation_ends_the_sessions_of_every_engine(settings, tmp_path, admin_user,
                                                        delegate_kz, engine, counted):
    settings.SESSION_ENGINE = engine
    settings.CACHES = REDIS
    settings.SESSION_FILE_PATH = str(tmp_path)
    inbox = reverse("portal:inbox")
    laptop, phone = Client(), Client()
    laptop.force_login(delegate_kz)
    phone.force_login(delegate_kz)
    assert laptop.get(inbox).status_code == 200

    services.delegate_deactivate(delegate=delegate_kz, by=admin_user)
    services.delegate_reactivate(delegate=delegate_kz, by=admin_user)

    for device in (laptop, phone):
        response = device.get(inbox)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    delegate_kz.refresh_from_db()
    fresh = Client()
    fresh.force_login(delegate_kz)
    assert fresh.get(inbox).status_code == 200  # a new login works
    from cica_docs.audit.models import AuditEvent

    assert AuditEvent.objects.get(action="delegate.deactivate").detail["sessions_ended"] == (
        2 if counted else None)


def test_other_people_keep_their_sessions(drafter, delegate_kz):
    kept = Client()
    kept.force_login(drafter)
    sessions_end_for(delegate_kz)
    assert kept.get(reverse("documents:worklist")).status_code == 200


def test_sessions_from_before_the_generation_existed_stay_valid(drafter):
    """The session hash of a person whose access was never ended is Django's own."""
    from django.contrib.auth.base_user import AbstractBaseUser

    assert drafter.session_epoch == 0
    assert drafter.get_session_auth_hash() == AbstractBaseUser._get_session_auth_hash(drafter)
    sessions_end_for(drafter)
    assert drafter.get_session_auth_hash() != AbstractBaseUser._get_session_auth_hash(drafter)
