"""Which role reaches which page: `role_required`, the one decorator every view uses.

Logged out, a page sends to the login page; logged in without the role, it answers 403, or
what the view's `refuse` raises (the portal answers 404 and records the attempt, so that a
staff account learns nothing of what delegates see). The rule is a permission codename or,
where a role is more than a permission (a delegate also belongs to a state), a predicate.
Services still check the permission of what they do; this only keeps pages closed.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def _forbidden(request, **kwargs):
    """A signed-in user without the role: the refusal is in the audit log, then 403."""
    from cica_docs.audit.log import security_event

    security_event(action="access.refused", request=request, path=request.path[:300])
    raise PermissionDenied


def role_required(rule: str | Callable, *, refuse: Callable = _forbidden):
    allowed = rule if callable(rule) else (lambda user: user.has_perm(rule))

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not allowed(request.user):
                refuse(request, **kwargs)
                raise PermissionDenied  # a `refuse` that forgot to raise still refuses
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


staff_required = role_required("accounts.view_secretariat_work")
drafter_required = role_required("accounts.draft_documents")
registrar_required = role_required("accounts.register_documents")
manager_required = role_required("accounts.manage_reference_data")
