import pytest

from cica_docs.accounts import roles
from cica_docs.workbench.models import LanguageRight
from tests.conftest import make_user


def reviser_of(username, *languages, role=roles.DRAFTER, granted_by=None):
    user = make_user(username, role, first_name=username.title())
    for lang in languages:
        LanguageRight.objects.create(user=user, language=lang, granted_by=granted_by or user)
    return user


@pytest.fixture
def reviser_en(db):
    return reviser_of("reviser.en", "en")


@pytest.fixture
def reviser_ru(db):
    return reviser_of("reviser.ru", "ru")


@pytest.fixture
def reviser_kk(db):
    return reviser_of("reviser.kk", "kk")
