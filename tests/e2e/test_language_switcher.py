"""The interface-language switcher in a real browser: whatever the language cookie and the
browser's own language say, choosing a language lands on the same page in that language."""

import itertools

import pytest
from django.conf import settings
from playwright.sync_api import expect

from cica_docs.accounts import roles
from tests.conftest import PASSWORD, make_user

LANGUAGES = ["en", "ru", "kk"]
BROWSER = {"en": "en-GB", "ru": "ru-RU", "kk": "kk-KZ"}
ACCEPT = {"en": "en-GB,en;q=0.9", "ru": "ru-RU,ru;q=0.9,en;q=0.5", "kk": "kk-KZ,kk;q=0.9,ru;q=0.8"}
LOGIN_HEADING = {"en": "Log in to CICA Docs", "ru": "Вход в CICA Docs",
                 "kk": "CICA Docs жүйесіне кіру"}
SWITCHER = {"en": "Interface language", "ru": "Язык интерфейса", "kk": "Интерфейс тілі"}
WORK_LIST = {"en": "Work list", "ru": "Рабочий список", "kk": "Жұмыс тізімі"}


def browser_context(browser, live_server, *, cookie, accept):
    context = browser.new_context(locale=BROWSER[accept],
                                  extra_http_headers={"Accept-Language": ACCEPT[accept]})
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": cookie,
                          "url": live_server.url}])
    return context


@pytest.mark.parametrize(("cookie", "accept"), list(itertools.product(LANGUAGES, LANGUAGES)))
def test_the_switcher_lands_on_the_same_page_in_each_language(
    browser, live_server, cookie, accept
):
    for target in LANGUAGES:
        context = browser_context(browser, live_server, cookie=cookie, accept=accept)
        page = context.new_page()
        start = "kk" if target == "en" else "en"
        page.goto(f"{live_server.url}/{start}/accounts/login/?next=/{start}/work/")
        expect(page.locator("html")).to_have_attribute("lang", start)
        page.get_by_label(SWITCHER[start]).select_option(target)
        expect(page).to_have_url(
            f"{live_server.url}/{target}/accounts/login/?next=%2F{target}%2Fwork%2F"
        )
        expect(page.locator("html")).to_have_attribute("lang", target)
        expect(page.get_by_role("heading", level=1)).to_have_text(LOGIN_HEADING[target])
        cookies = {c["name"]: c["value"] for c in context.cookies()}
        assert cookies[settings.LANGUAGE_COOKIE_NAME] == target, (cookie, accept, target)
        context.close()


@pytest.mark.parametrize("target", ["ru", "kk"])
def test_a_drafter_with_a_russian_cookie_and_browser_switches_a_work_page_and_stays(
    browser, live_server, target
):
    make_user("drafter.user", roles.DRAFTER)
    context = browser_context(browser, live_server, cookie="ru", accept="ru")
    page = context.new_page()
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Username").fill("drafter.user")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/en/my-work/")
    page.goto(f"{live_server.url}/en/work/?list=mine")
    page.get_by_label(SWITCHER["en"]).select_option(target)
    expect(page).to_have_url(f"{live_server.url}/{target}/work/?list=mine")
    expect(page.get_by_role("heading", level=1)).to_have_text(WORK_LIST[target])
    # The next page keeps the language chosen.
    page.get_by_role("link", name=WORK_LIST[target]).first.click()
    expect(page).to_have_url(f"{live_server.url}/{target}/work/")
    context.close()
