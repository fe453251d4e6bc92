"""The app's own 404, 403 and 500 pages, in the interface language, with DEBUG on (make run)
as well as off; the API answers JSON."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views import defaults

pytestmark = pytest.mark.django_db

NOT_FOUND = {"en": "Page not found", "ru": "Страница не найдена", "kk": "Бет табылмады"}
FORBIDDEN = {"en": "Not allowed", "ru": "Действие не разрешено", "kk": "Әрекетке рұқсат жоқ"}
SERVER_ERROR = {"en": "Server error", "ru": "Ошибка сервера", "kk": "Сервер қатесі"}
# What Django's technical pages say; never shown to a user of the app.
TECHNICAL = ("Using the URLconf", "urlpatterns", "DEBUG = True", "Django tried these URL")


def assert_app_page(response, language, heading):
    text = response.text
    assert f'<html lang="{language}">' in text
    assert f'<h1 class="h3">{heading}</h1>' in text
    assert not any(marker in text for marker in TECHNICAL)


@pytest.mark.parametrize("debug", [True, False], ids=["debug", "production"])
@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_an_unknown_page_is_the_apps_own_404_in_its_language(client, settings, debug,
                                                             language):
    settings.DEBUG = debug
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert_app_page(response, language, NOT_FOUND[language])


@pytest.mark.parametrize("debug", [True, False], ids=["debug", "production"])
@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_document_that_does_not_exist_is_the_apps_404(client, drafter, settings, debug,
                                                        language):
    settings.DEBUG = debug
    client.force_login(drafter)
    response = client.get(f"/{language}/work/987654/")
    assert response.status_code == 404
    assert_app_page(response, language, NOT_FOUND[language])
    assert "Work list" in response.text or language != "en"  # the navigation is there


def test_a_missing_slash_still_redirects_under_debug(client, settings):
    settings.DEBUG = True
    response = client.get("/en/accounts/login")
    assert response.status_code == 301 and response["Location"] == "/en/accounts/login/"


@pytest.mark.parametrize("debug", [True, False], ids=["debug", "production"])
@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_page_the_role_may_not_see_is_the_apps_403(client, drafter, settings, debug,
                                                     language):
    settings.DEBUG = debug
    client.force_login(drafter)
    response = client.get(f"/{language}/manage/states/")
    assert response.status_code == 403
    assert_app_page(response, language, FORBIDDEN[language])


@pytest.mark.parametrize("debug", [True, False], ids=["debug", "production"])
@pytest.mark.parametrize("path", ["/api/v1/no-such-thing/", "/api/v1/notes/987654/"])
def test_the_api_answers_json_404(client, drafter, settings, debug, path):
    settings.DEBUG = debug
    client.force_login(drafter)
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_500_page_is_translated_and_needs_neither_database_nor_request_context(
    language, django_assert_num_queries
):
    request = RequestFactory().get(f"/{language}/work/")
    with translation.override(language), django_assert_num_queries(0):
        # What Django's handler500 does: the template without a request or its context.
        response = defaults.server_error(request)
    assert response.status_code == 500
    text = response.content.decode()
    assert f'<html lang="{language}">' in text
    assert f'<h1 class="h3">{SERVER_ERROR[language]}</h1>' in text
    assert "language-switcher" not in text  # it would need the request and its CSRF token
