"""The interface-language switcher: the same page, in the language chosen.

Django's `set_language` translates the page to go back to by resolving it in the language
active for the switch request itself. That request (/i18n/setlang/) has no prefix, so its
language comes from the language cookie or the browser's Accept-Language: with a Russian
cookie, "/en/work/" does not resolve as a Russian URL, Django gives up, and choosing Русский
reloaded the page in English. Here the page is resolved in its own prefix's language.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

from cica_docs.languages import language_codes


def same_page_in(url: str, language: str) -> str:
    """`url` (a local path with a language prefix) in `language`: "/en/work/12/?tab=x" ->
    "/ru/work/12/?tab=x". A page that no longer resolves keeps its path under the new
    prefix; a login page's `next` follows too, so logging in lands in the same language."""
    parts = urlsplit(url)
    current = translation.get_language_from_path(parts.path)
    if current is None:
        return url
    with translation.override(current):
        translated = translate_url(url, language)
    if translated == url and current != language:
        slash = parts.path.find("/", 1)  # "/en/x/" -> "/x/", "/en" -> "/"
        rest = parts.path[slash:] if slash > 0 else "/"
        translated = urlunsplit(parts._replace(path=f"/{language}{rest}"))
    parts = urlsplit(translated)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if any(key == "next" for key, _value in query):
        query = [(key, _local_in(value, language) if key == "next" else value)
                 for key, value in query]
        translated = urlunsplit(parts._replace(query=urlencode(query)))
    return translated


def _local_in(value: str, language: str) -> str:
    if not value.startswith("/") or value.startswith("//"):
        return value
    parts = urlsplit(value)
    current = translation.get_language_from_path(parts.path)
    if current is None:
        return value
    with translation.override(current):
        return translate_url(value, language)


def _safe(request, url) -> bool:
    return url_has_allowed_host_and_scheme(
        url=url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def set_language(request):
    """POST language + next: remember the language (cookie) and go back to the same page in
    it. A GET, or a language that is not one of the interface's, changes nothing."""
    next_url = request.POST.get("next", request.GET.get("next"))
    if not _safe(request, next_url):
        next_url = request.META.get("HTTP_REFERER")
        if not _safe(request, next_url):
            next_url = "/"
    language = request.POST.get("language", "")
    if request.method != "POST" or language not in language_codes():
        return HttpResponseRedirect(next_url)
    response = HttpResponseRedirect(same_page_in(next_url, language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
