"""The app's own error pages (templates 404.html, 403.html, 500.html), in the interface
language, also under DEBUG.

With DEBUG on (`make run`) Django answers a missing page with its technical 404, which
lists every URL pattern of the site: a newcomer's first error page, and a map of the app for
anyone who finds a development server. `NotFoundPageMiddleware` serves the app's 404 page
instead. 403 is the app's page in every mode (Django uses `handler403` under DEBUG too);
a server error under DEBUG keeps Django's traceback page, which is what a developer needs,
and is the app's 500 page otherwise. The API answers JSON for all of these (its own
catch-all and exception handler), and is left alone here.
"""

from django.conf import settings
from django.http import Http404
from django.views import defaults

API_PREFIX = "/api/"


def _is_api(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


class NotFoundPageMiddleware:
    """Under DEBUG, answer a 404 with the app's page rather than Django's technical one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # No resolver match: no URL pattern matched, and Django built its technical 404
        # (a view that answers 404 itself, as the portal's "being prepared" page, has one).
        if (settings.DEBUG and response.status_code == 404 and request.resolver_match is None
                and not _is_api(request)):
            return defaults.page_not_found(request, Http404())
        return response

    def process_exception(self, request, exception):
        """A view raised Http404 (a document that does not exist or is not the user's)."""
        if settings.DEBUG and isinstance(exception, Http404) and not _is_api(request):
            return defaults.page_not_found(request, exception)
        return None
