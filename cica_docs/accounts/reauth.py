"""Recent authentication: ask for the password again before a sensitive action.

SECURITY.md promise 7: issuing, dispatching and changing a circulation list need a password
confirmed in the last few minutes, so a session left open on a desk is not enough.

Usage::

    from cica_docs.accounts.reauth import reauthentication_required

    @login_required
    @permission_required("accounts.register_documents", raise_exception=True)
    @reauthentication_required              # settings.REAUTHENTICATION_MAX_AGE
    def document_issue(request, pk): ...

    @reauthentication_required(max_age=120) # seconds
    def dispatch_create(request, pk): ...

When the confirmation is missing or older than `max_age`, the view is not called; the page
"Confirm your password" is answered in its place, at the same URL:

- on GET, a confirmed password redirects back to the same URL;
- on POST (the confirmation ran out while the user was filling in a form), the submitted
  fields travel as hidden inputs and, once the password is confirmed, the view receives the
  original POST, so nothing typed is lost. Uploaded files cannot travel that way: do not use
  the decorator on views that take files without asking for them again.

The password goes through `authenticate()`, so failures are counted by django-axes (lockout)
and recorded in the audit log like failed logins, marked purpose="reauthenticate".
Put the decorator after `login_required`. `mark_reauthenticated(request)` and
`is_recently_authenticated(request, max_age)` are there for code that needs the same check.
"""

import time
from functools import wraps

from django.conf import settings
from django.contrib.auth import authenticate
from django.shortcuts import redirect, render

from cica_docs.audit.log import record

SESSION_KEY = "cica_reauthenticated_at"
PASSWORD_FIELD = "reauth_password"
MARKER_FIELD = "reauth_for"  # "get" or "post": what to do once the password is confirmed


def _default_max_age() -> int:
    return settings.REAUTHENTICATION_MAX_AGE


def mark_reauthenticated(request) -> None:
    request.session[SESSION_KEY] = int(time.time())


def is_recently_authenticated(request, max_age: int | None = None) -> bool:
    max_age = _default_max_age() if max_age is None else max_age
    confirmed_at = request.session.get(SESSION_KEY)
    if not isinstance(confirmed_at, int):
        return False
    return 0 <= time.time() - confirmed_at <= max_age


def _password_is_correct(request) -> bool:
    password = request.POST.get(PASSWORD_FIELD, "")
    if not password or "\x00" in password:
        return False
    # `purpose` reaches the login-failed signal (and so the audit log); Django's backends
    # accept and ignore unknown keyword arguments.
    user = authenticate(
        request,
        username=request.user.get_username(),
        password=password,
        purpose="reauthenticate",
    )
    return user is not None and user.pk == request.user.pk


def _replayed_fields(request) -> list[tuple[str, str]]:
    skip = {"csrfmiddlewaretoken", PASSWORD_FIELD, MARKER_FIELD}
    return [
        (name, value)
        for name, values in request.POST.lists()
        if name not in skip
        for value in values
    ]


def _confirm_page(request, *, failed: bool):
    replay = request.method == "POST" and request.POST.get(MARKER_FIELD) != "get"
    context = {
        "failed": failed,
        "replay": replay,
        "fields": _replayed_fields(request) if replay else [],
        "password_field": PASSWORD_FIELD,
        "marker_field": MARKER_FIELD,
    }
    return render(request, "registration/reauthenticate.html", context, status=200)


def reauthentication_required(view=None, *, max_age: int | None = None):
    """Decorator: call the view only if the password was confirmed in the last `max_age`
    seconds (default: settings.REAUTHENTICATION_MAX_AGE); otherwise ask for it."""

    def decorator(view_func):
        @wraps(view_func)
        def wrapper(request, *args, **kwargs):
            if is_recently_authenticated(request, max_age):
                return view_func(request, *args, **kwargs)
            if request.method != "POST" or PASSWORD_FIELD not in request.POST:
                return _confirm_page(request, failed=False)
            if not _password_is_correct(request):
                return _confirm_page(request, failed=True)
            mark_reauthenticated(request)
            record(action="auth.reauthenticated", request=request, path=request.path)
            if request.POST.get(MARKER_FIELD) == "get":
                return redirect(request.get_full_path())
            request.POST = request.POST.copy()
            for name in (PASSWORD_FIELD, MARKER_FIELD):
                request.POST.pop(name, None)
            return view_func(request, *args, **kwargs)

        return wrapper

    if view is not None:
        return decorator(view)
    return decorator
