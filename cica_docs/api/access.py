"""Who may call what. The rules are the browser's: the same permissions, the same service
checks, and what a user may not see answers 404 exactly like what does not exist.

- Secretariat resources need `accounts.view_secretariat_work`; anyone else (delegates,
  users without a role) gets 404 for every one of them.
- Writing needs the role's permission (`required_permission`); staff without it get 403.
- Re-authentication: a browser session must have confirmed the password recently for the
  actions the browser guards with it (issue, circulation lists, dispatch); a token is a
  credential presented with every request and stands for itself.
- Two-factor sign-in: issuing and dispatching need a token made after it (or a session that
  passed it; `require_two_factor`); a session that still owes it gets 403 for everything
  (accounts/two_factor.py's middleware).
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions
from rest_framework.authentication import SessionAuthentication

from cica_docs.accounts.reauth import is_recently_authenticated


def is_staff(user) -> bool:
    return user.is_authenticated and user.has_perm("accounts.view_secretariat_work")


class SecretariatOnly(permissions.BasePermission):
    """Authenticated (401), then Secretariat (404 otherwise), then the view's permission for
    writes (403)."""

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        if not is_staff(request.user):
            raise exceptions.NotFound()
        if request.method not in permissions.SAFE_METHODS:
            require(request, getattr(view, "write_permission", None))
        return True


def require(request, permission: str | None) -> None:
    if permission and not request.user.has_perm(permission):
        raise exceptions.PermissionDenied(_("Your role does not allow this action."))


class ReauthenticationRequired(exceptions.PermissionDenied):
    default_detail = _("Confirm your password in the browser first, or use an API token.")
    default_code = "reauthentication_required"


def require_recent_password(request) -> None:
    """The browser's re-authentication rule, for requests that come with a session."""
    by_session = isinstance(request.successful_authenticator, SessionAuthentication)
    if by_session and not is_recently_authenticated(request._request):
        raise ReauthenticationRequired()


class TwoFactorRequired(exceptions.PermissionDenied):
    default_detail = _("Issuing and dispatching need an API token made after two-factor "
                       "sign-in: make one on your account's \"Sign-in and security\" page.")
    default_code = "two_factor_required"
    extra = {"code": "two_factor_required"}  # added to the JSON body (api/errors.py)


def require_two_factor(request) -> None:
    """Issuing and dispatching: a token made in a session that passed two-factor sign-in
    (accounts.ApiTokenOrigin), or a browser session that passed it. `manage.py api_token`
    makes tokens that read and draft, but cannot issue or dispatch."""
    from cica_docs.accounts.models import ApiTokenOrigin
    from cica_docs.accounts.two_factor import is_verified

    if isinstance(request.successful_authenticator, SessionAuthentication):
        verified = is_verified(request._request.user)
    else:
        verified = ApiTokenOrigin.objects.filter(token_id=getattr(request.auth, "pk", None),
                                                 two_factor=True).exists()
    if not verified:
        raise TwoFactorRequired()
