"""Ending a person's open sessions and API tokens (when an account is deactivated).

An inactive user is already refused on the next request (ModelBackend.get_user and DRF's
TokenAuthentication check is_active), but the session row and the token would come back to
life if the account were reactivated: a laptop left in a hotel must not get its session
back, nor a script its key. So both are deleted; a reactivated user logs in again and asks
for a new key (SECURITY.md 15).
"""

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone


def sessions_end_for(user) -> int:
    """Delete every unexpired database session of `user`; return how many were ended.

    Hidden cost: the session table is not indexed by user, so every live session is
    decoded. Fine for a Secretariat's few hundred sessions; a cache or signed-cookie session
    engine would need a per-user session index instead.
    """
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return 0
    ended = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            ended.append(session.pk)
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


def tokens_revoke_for(user) -> int:
    """Delete the user's API token (`manage.py api_token` makes a new one); return how many."""
    from rest_framework.authtoken.models import Token

    revoked, _by_model = Token.objects.filter(user=user).delete()
    return revoked


def access_end_for(user) -> dict[str, int]:
    """Every way in that would outlive a deactivation, ended; the counts are for the audit
    event of the deactivation."""
    return {"sessions_ended": sessions_end_for(user), "tokens_revoked": tokens_revoke_for(user)}
