import re

import pytest
from playwright.sync_api import expect

from cica_docs.accounts import roles
from tests.conftest import PASSWORD, make_user

from .conftest import enter_code, second_factor_of

MY_WORK = ("/my-work/", {"en": "My work", "ru": "Моя работа", "kk": "Менің жұмысым"})
LANDING = {
    roles.DRAFTER: MY_WORK,
    roles.REVIEWER: MY_WORK,
    roles.REGISTRAR: MY_WORK,
    roles.ADMIN: MY_WORK,
    roles.DELEGATE: ("/portal/", {"en": "Inbox", "ru": "Входящие", "kk": "Кіріс құжаттар"}),
}
LOGIN_BUTTON = {"en": "Log in", "ru": "Войти", "kk": "Кіру"}


@pytest.fixture
def people():
    return {
        role: make_user(
            f"{role}.user", role, state_code="KAZ" if role == roles.DELEGATE else None
        )
        for role in LANDING
    }


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_each_role_logs_in_and_lands_on_its_page(page, live_server, people, language):
    for role, user in people.items():
        path, heading = LANDING[role]
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/{language}/accounts/login/")
        expect(page.locator("html")).to_have_attribute("lang", language)
        page.get_by_label(re.compile("Username|Имя пользователя|Қолданушы атауы")).fill(
            user.username
        )
        page.get_by_label(re.compile("Password|Пароль|Құпиясөз")).fill(PASSWORD)
        device = second_factor_of(user.username)
        page.get_by_role("button", name=LOGIN_BUTTON[language], exact=True).click()
        if device is not None:  # registrars and administrators: the code after the password
            enter_code(page, device)
        expect(page).to_have_url(f"{live_server.url}/{language}{path}")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading[language])


def test_language_switcher_keeps_the_page(page, live_server, people):
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Username").fill(people[roles.DRAFTER].username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/en/my-work/")
    page.get_by_label("Interface language").select_option("ru")
    expect(page).to_have_url(f"{live_server.url}/ru/my-work/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Моя работа")


def test_skip_link_is_the_first_stop_of_the_keyboard(page, live_server):
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"


def test_a_registrar_sets_up_the_app_then_signs_in_with_its_code(page, live_server):
    """The first sign-in of a registrar: the QR code and key, a code from them (computed from
    the key the page shows, as the phone does), the recovery codes once, then the queues; the
    next sign-in asks for the code."""
    from base64 import b32decode

    from django_otp.oath import TOTP

    from .conftest import log_in

    make_user("registrar.new", roles.REGISTRAR)
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Username").fill("registrar.new")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor sign-in")
    expect(page.get_by_role("img", name="QR code for the authenticator app")).to_be_visible()
    page.goto(f"{live_server.url}/en/work/")  # nothing else before it is done
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor sign-in")
    key = page.locator("#totp-key").inner_text().replace(" ", "")
    page.get_by_label("Code shown by the app").fill(f"{TOTP(b32decode(key)).token():06d}")
    page.get_by_role("button", name="Confirm and turn on").click()
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name="I have kept them, continue").click()
    expect(page).to_have_url(f"{live_server.url}/en/work/")  # where they were going
    log_in(page, live_server, "registrar.new", then=None)  # types the code after the password
