"""Who may see the Secretariat's documents: staff with `accounts.view_secretariat_work`.

Delegates never reach these views; what they see is decided in circulation.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Document


def staff_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm("accounts.view_secretariat_work"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def get_document(pk) -> Document:
    """The kind's instance of document `pk`, or 404 (also for ids that are not numbers)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < pk < 2**63:
        raise Http404
    return get_object_or_404(Document, pk=pk).specific
