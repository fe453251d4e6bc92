import time

import pytest
from django.urls import reverse

from cica_docs.accounts.reauth import SESSION_KEY
from cica_docs.audit.models import AuditEvent
from cica_docs.circulation.models import CirculationList, MemberState

pytestmark = pytest.mark.django_db

NEW_LIST = {
    "name_en": "Summit participants",
    "name_ru": "Участники саммита",
    "name_kk": "Саммит қатысушылары",
}


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def states(*codes):
    return [str(state.pk) for state in MemberState.objects.filter(code__in=codes)]


def test_opening_a_list_form_asks_for_the_password_first(admin_client, password):
    url = reverse("manage:list-add")
    response = admin_client.get(url)
    assert "Confirm your password" in response.text
    assert "Name of the list" not in response.text
    confirmed = admin_client.post(url, {"reauth_password": password, "reauth_for": "get"})
    assert confirmed.status_code == 302 and confirmed["Location"] == url
    assert "Name of the list" in admin_client.get(url).text
    assert AuditEvent.objects.filter(action="auth.reauthenticated").count() == 1


def test_a_wrong_password_is_refused_and_counted_as_a_failed_attempt(admin_client):
    url = reverse("manage:list-add")
    response = admin_client.post(url, {"reauth_password": "guess", "reauth_for": "get"})
    assert response.status_code == 200
    assert "That password is not correct." in response.text
    assert SESSION_KEY not in admin_client.session
    failure = AuditEvent.objects.get(action="auth.login_failed")
    assert failure.detail == {"purpose": "reauthenticate"}


def test_five_wrong_passwords_lock_the_confirmation_like_a_login(admin_client, password):
    url = reverse("manage:list-add")
    for _ in range(5):
        admin_client.post(url, {"reauth_password": "guess", "reauth_for": "get"})
    response = admin_client.post(url, {"reauth_password": password, "reauth_for": "get"})
    assert response.status_code == 429
    assert SESSION_KEY not in admin_client.session


def test_an_expired_confirmation_keeps_the_submitted_form(admin_client, password, settings):
    url = reverse("manage:list-add")
    session = admin_client.session
    session[SESSION_KEY] = int(time.time()) - settings.REAUTHENTICATION_MAX_AGE - 5
    session.save()
    form = {**NEW_LIST, "states": states("KAZ", "IND")}
    response = admin_client.post(url, form)
    assert "Confirm your password" in response.text
    assert 'value="Участники саммита"' in response.text
    assert not CirculationList.objects.filter(name_en="Summit participants").exists()
    replay = {**form, "reauth_password": password, "reauth_for": "post"}
    done = admin_client.post(url, replay)
    assert done.status_code == 302
    created = CirculationList.objects.get(name_en="Summit participants")
    assert sorted(created.states.values_list("code", flat=True)) == ["IND", "KAZ"]


def test_a_fresh_confirmation_is_not_asked_again(admin_client, password):
    url = reverse("manage:list-add")
    admin_client.post(url, {"reauth_password": password, "reauth_for": "get"})
    response = admin_client.post(url, {**NEW_LIST, "states": states("KAZ")})
    assert response.status_code == 302
    assert CirculationList.objects.filter(name_kk="Саммит қатысушылары").exists()
