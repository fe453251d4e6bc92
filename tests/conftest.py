import os

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from cica_docs.accounts import roles
from cica_docs.accounts.models import User
from cica_docs.circulation.models import MemberState
from tests.smtp import smtp_server  # noqa: F401  (fixture: a real SMTP server on loopback)

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be
# usable from the test body (setup and assertions), which is synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct-horse-battery-staple"


def make_user(username, *role_names, state_code=None, **extra):
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        email=f"{username}@example.org",
        member_state=MemberState.objects.get(code=state_code) if state_code else None,
        **extra,
    )
    user.groups.set(Group.objects.filter(name__in=role_names))
    return user


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _english_between_tests():
    """Requests activate their language in the test thread; start every test in English."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def drafter(db):
    return make_user("drafter", roles.DRAFTER)


@pytest.fixture
def reviewer(db):
    return make_user("reviewer", roles.REVIEWER)


@pytest.fixture
def registrar(db):
    return make_user("registrar", roles.REGISTRAR)


@pytest.fixture
def admin_user(db):
    return make_user("admin", roles.ADMIN, is_staff=True, is_superuser=True)


@pytest.fixture
def delegate_kz(db):
    return make_user("delegate.kz", roles.DELEGATE, state_code="KAZ", preferred_language="kk")


@pytest.fixture
def delegate_in(db):
    return make_user("delegate.in", roles.DELEGATE, state_code="IND")


@pytest.fixture
def outsider(db):
    return make_user("outsider")
