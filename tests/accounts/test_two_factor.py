"""Two-factor sign-in (accounts/two_factor.py): signing in through the real forms, with real
TOTP codes computed from the device's key, as a phone would."""

import re
from base64 import b32encode

import pytest
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cica_docs.audit.models import AuditEvent
from tests.conftest import totp_code, two_factor_device

pytestmark = [pytest.mark.django_db, pytest.mark.two_factor]


def sign_in(client, username, password, language="en", **extra):
    with translation.override(language):
        url = reverse("accounts:login")
    return client.post(url, {"username": username, "password": password}, follow=True,
                       **extra)


def enter_code(client, code, language="en", next_url=""):
    return client.post(f"/{language}/accounts/two-factor/", {"code": code, "next": next_url},
                       follow=True)


def device_from_page(response) -> TOTPDevice:
    """The device the enrolment page shows: its key, as the page prints it, is the one in
    the database."""
    shown = re.search(r'id="totp-key" lang="zxx">([A-Z2-7 ]+)<', response.text).group(1)
    key = shown.replace(" ", "")
    device = TOTPDevice.objects.get()
    assert b32encode(device.bin_key).decode() == key
    return device


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_registrar_without_a_device_is_led_through_enrolment_first(
        client, registrar, password, language):
    response = sign_in(client, "registrar", password, language)
    assert response.redirect_chain[-1][0].startswith(f"/{language}/accounts/two-factor/set-up/")
    assert 'src="data:image/svg+xml' in response.text  # the QR code
    # No staff page before it is done.
    for url in (f"/{language}/my-work/", f"/{language}/work/", f"/{language}/register/"):
        refused = client.get(url)
        assert refused.status_code == 302
        assert refused["Location"].startswith(f"/{language}/accounts/two-factor/set-up/")
    device = device_from_page(response)
    wrong = client.post(f"/{language}/accounts/two-factor/set-up/", {"code": "000000"})
    assert wrong.status_code == 200 and not TOTPDevice.objects.get().confirmed
    device.throttle_reset()  # a minute later
    done = client.post(f"/{language}/accounts/two-factor/set-up/?next=/{language}/my-work/",
                       {"code": totp_code(device), "next": f"/{language}/my-work/"})
    codes = re.findall(r'<li class="col">([a-z2-7]+)</li>', done.text)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert TOTPDevice.objects.get().confirmed
    assert client.get(f"/{language}/my-work/").status_code == 200
    assert AuditEvent.objects.filter(action="auth.two_factor_enrolled").count() == 1


def test_an_administrator_must_set_it_up_too_and_a_post_is_refused_before(
        client, admin_user, password):
    sign_in(client, "admin", password)
    response = client.post("/en/manage/lists/add/", {"name": "Forged"})
    assert response.status_code == 302 and "/two-factor/set-up/" in response["Location"]


def test_a_user_with_a_device_enters_the_code_after_the_password(client, registrar, password):
    device = two_factor_device(registrar)
    response = sign_in(client, "registrar", password)
    assert response.redirect_chain[-1][0].startswith("/en/accounts/two-factor/?next=")
    assert client.get("/en/my-work/").status_code == 302
    api = client.get("/api/v1/register/")
    assert api.status_code == 403 and api.json()["code"] == "two_factor_required"
    landed = enter_code(client, totp_code(device), next_url="/en/my-work/")
    assert landed.redirect_chain[-1][0] == "/en/my-work/"
    assert AuditEvent.objects.filter(action="auth.two_factor_verified").exists()


def test_a_code_is_accepted_once(client, registrar, password):
    device = two_factor_device(registrar)
    sign_in(client, "registrar", password)
    code = totp_code(device)
    enter_code(client, code)
    client.post(reverse("accounts:logout"))
    sign_in(client, "registrar", password)
    device.refresh_from_db()
    device.throttle_reset()
    again = enter_code(client, code)
    assert "has already been used" in again.text
    assert client.get("/en/my-work/").status_code == 302


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_wrong_code_is_refused_clearly_and_counted(client, registrar, password, language):
    two_factor_device(registrar)
    sign_in(client, "registrar", password, language)
    response = enter_code(client, "123 456", language)
    with translation.override(language):
        from django.utils.translation import gettext

        message = gettext("That code is not correct, or it has already been used.")
    assert response.status_code == 200 and message in response.text
    failed = AuditEvent.objects.filter(action="auth.login_failed").latest("pk")
    assert failed.detail["purpose"] == "two_factor"


def test_wrong_codes_lock_out_like_wrong_passwords(client, registrar, password):
    device = two_factor_device(registrar)
    sign_in(client, "registrar", password)
    for _ in range(4):
        device.throttle_reset()  # django-otp's growing wait, waited out
        assert enter_code(client, "000000").status_code == 200
    device.throttle_reset()
    locked = enter_code(client, "000000")
    assert locked.status_code == 429 and "Too many failed attempts" in locked.text
    # The session ended; the password is refused until the cool-off, even the right one.
    assert client.get("/en/my-work/")["Location"].startswith("/en/accounts/login/")
    assert sign_in(client, "registrar", password).status_code == 429


def test_a_recovery_code_signs_in_once(client, registrar, password):
    from cica_docs.accounts.two_factor import recovery_codes_new

    two_factor_device(registrar)
    codes = recovery_codes_new(registrar)
    sign_in(client, "registrar", password)
    landed = enter_code(client, codes[0].upper()[:4] + "-" + codes[0][4:])
    assert landed.redirect_chain[-1][0] == "/en/my-work/"
    assert StaticToken.objects.filter(device__user=registrar).count() == 9
    client.post(reverse("accounts:logout"))
    sign_in(client, "registrar", password)
    assert "already been used" in enter_code(client, codes[0]).text
    assert AuditEvent.objects.filter(action="auth.recovery_code_used").count() == 1


def test_a_drafter_may_work_without_it_and_then_choose_it(client, drafter, password):
    response = sign_in(client, "drafter", password)
    assert response.redirect_chain[-1][0] == "/en/my-work/"
    page = client.get("/en/accounts/two-factor/set-up/")
    device = device_from_page(page)
    client.post("/en/accounts/two-factor/set-up/", {"code": totp_code(device)})
    client.post(reverse("accounts:logout"))
    again = sign_in(client, "drafter", password)
    assert again.redirect_chain[-1][0].startswith("/en/accounts/two-factor/")


def test_removing_the_device_needs_the_password_and_a_code(client, drafter, password):
    device = two_factor_device(drafter)
    sign_in(client, "drafter", password)
    enter_code(client, totp_code(device))
    wrong_password = client.post("/en/accounts/security/remove/",
                                 {"reauth_password": "nope", "code": totp_code(device)})
    assert "That password is not correct." in wrong_password.text
    assert TOTPDevice.objects.filter(user=drafter).exists()
    no_code = client.post("/en/accounts/security/remove/",
                          {"reauth_password": password, "code": ""})
    assert no_code.status_code == 200 and TOTPDevice.objects.filter(user=drafter).exists()
    device.throttle_reset()
    removed = client.post("/en/accounts/security/remove/",
                          {"reauth_password": password, "code": totp_code(device)}, follow=True)
    assert "Two-factor sign-in was removed" in removed.text
    assert not TOTPDevice.objects.filter(user=drafter).exists()
    assert AuditEvent.objects.filter(action="auth.two_factor_removed").count() == 1


def test_new_recovery_codes_replace_the_old(client, drafter, password):
    from cica_docs.accounts.two_factor import recovery_codes_new
    from tests.conftest import attach_second_factor, reauthenticate

    two_factor_device(drafter)
    old = recovery_codes_new(drafter)
    client.force_login(drafter)
    attach_second_factor(client, drafter)
    reauthenticate(client)
    page = client.post("/en/accounts/security/recovery-codes/")
    new = re.findall(r'<li class="col">([a-z2-7]+)</li>', page.text)
    assert len(new) == 10 and not set(new) & set(old)
    tokens = set(StaticToken.objects.values_list("token", flat=True))
    assert tokens == set(new)


def test_an_administrator_resets_a_lost_phone_and_it_is_audited(
        client, admin_user, registrar, drafter):
    from tests.conftest import attach_second_factor, reauthenticate

    two_factor_device(registrar)
    client.force_login(admin_user)
    attach_second_factor(client, admin_user)
    reauthenticate(client)
    unknown = client.post("/en/accounts/two-factor/reset/", {"username": "nobody"})
    assert "There is no user of that name." in unknown.text
    done = client.post("/en/accounts/two-factor/reset/", {"username": "registrar"}, follow=True)
    assert "was reset" in done.text
    assert not TOTPDevice.objects.filter(user=registrar).exists()
    event = AuditEvent.objects.get(action="auth.two_factor_reset")
    assert event.actor_username == "admin"
    # A drafter may not reset anyone's.
    other = type(client)()
    other.force_login(drafter)
    assert other.get("/en/accounts/two-factor/reset/").status_code == 403
