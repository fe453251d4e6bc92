"""`Cache-Control: no-store` on every restricted response (SECURITY.md 15).

What a signed-in person sees — a delegate's inbox, a document page, a PDF — and everything
the API answers must not be kept by a browser's disk cache, a proxy or a shared computer's
history: after logout, or on another person's session, it would be readable without any
permission check. One rule, here, rather than a header in each view: every response to a
signed-in user, and every response under the API. Public pages (login, password reset)
and static files (answered by WhiteNoise before this runs) stay cacheable.
"""

API_PREFIX = "/api/"


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if request.path.startswith(API_PREFIX) or (user is not None and user.is_authenticated):
            response["Cache-Control"] = "no-store"
        return response
