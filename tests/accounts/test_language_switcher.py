"""The interface-language switcher lands on the same page in the chosen language, whatever
the language cookie or the browser's Accept-Language say (the browser test of every
combination is tests/e2e/test_language_switcher.py)."""

import itertools

import pytest
from django.conf import settings

from cica_docs.accounts.language import same_page_in

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "kk"]
ACCEPT = {"en": "en-GB,en;q=0.9", "ru": "ru-RU,ru;q=0.9,en;q=0.5", "kk": "kk-KZ,kk;q=0.9,ru;q=0.8"}


def switch(client, language, next_url, *, cookie=None, accept=None):
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    headers = {"HTTP_ACCEPT_LANGUAGE": ACCEPT[accept]} if accept else {}
    return client.post("/i18n/setlang/", {"language": language, "next": next_url}, **headers)


@pytest.mark.parametrize(
    ("cookie", "accept", "target"),
    list(itertools.product([None, *LANGUAGES], [None, *LANGUAGES], LANGUAGES)),
)
def test_the_switch_lands_on_the_same_page_in_the_chosen_language(
    client, cookie, accept, target
):
    start = "ru" if target == "en" else "en"
    response = switch(client, target, f"/{start}/accounts/password/reset/?from=menu",
                      cookie=cookie, accept=accept)
    assert response.status_code == 302
    assert response["Location"] == f"/{target}/accounts/password/reset/?from=menu"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == target
    page = client.get(response["Location"])
    assert f'<html lang="{target}">' in page.text


def test_a_page_with_an_id_keeps_its_id(client):
    response = switch(client, "kk", "/en/work/12/history/", cookie="ru", accept="ru")
    assert response["Location"] == "/kk/work/12/history/"


def test_a_page_that_does_not_resolve_keeps_its_path_under_the_new_prefix(client):
    response = switch(client, "ru", "/en/no-such-page/", cookie="en", accept="kk")
    assert response["Location"] == "/ru/no-such-page/"


def test_the_login_pages_next_follows_the_language(client):
    response = switch(client, "kk", "/en/accounts/login/?next=/en/work/3/", cookie="ru")
    assert response["Location"] == "/kk/accounts/login/?next=%2Fkk%2Fwork%2F3%2F"


def test_a_language_that_is_not_the_interfaces_changes_nothing(client):
    response = switch(client, "de", "/en/work/", cookie="ru")
    assert response["Location"] == "/en/work/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


@pytest.mark.parametrize("next_url", ["https://evil.example/en/", "//evil.example/", ""])
def test_a_next_address_outside_the_site_goes_to_the_start(client, next_url):
    response = switch(client, "ru", next_url)
    assert response["Location"] == "/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"


def test_a_get_changes_no_language(client):
    response = client.get("/i18n/setlang/", {"language": "kk", "next": "/en/work/"})
    assert response["Location"] == "/en/work/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_same_page_in_leaves_addresses_without_a_prefix_alone():
    assert same_page_in("/api/v1/notes/", "ru") == "/api/v1/notes/"
    assert same_page_in("/", "kk") == "/"
