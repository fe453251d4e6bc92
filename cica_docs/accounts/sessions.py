"""Ending a person's open sessions and API tokens (when an account is deactivated).

An inactive user is already refused on the next request (ModelBackend.get_user and DRF's
TokenAuthentication check is_active), but a session and a token would come back to life if
the account were reactivated: a laptop left in a hotel must not get its session back, nor a
script its key. So the token is deleted and the person's session generation is raised
(`User.session_epoch`, part of the session hash Django checks on every request): every
session of theirs is then refused and flushed, in whatever engine it is kept — database,
cache, files or signed cookies (SECURITY.md 15). Where the engine is the database, the rows
are deleted at once too, and counted for the audit event.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db.models import F
from django.utils import timezone

STORED_IN_DATABASE = (
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
)


def sessions_end_for(user) -> int | None:
    """End every session of `user`; return how many stored sessions were deleted (None when
    the engine keeps no list to count: they end all the same, on their next request).

    Hidden cost with a database engine: the session table is not indexed by user, so every
    live session is decoded. Fine for a Secretariat's few hundred sessions.
    """
    type(user).objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)
    user.refresh_from_db(fields=["session_epoch"])
    if settings.SESSION_ENGINE not in STORED_IN_DATABASE:
        return None
    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get(SESSION_KEY) == str(user.pk)
    ]
    for key in ended:
        store(key).delete()  # cached_db: its cache entry too
    return len(ended)


def tokens_revoke_for(user) -> int:
    """Delete the user's API token (`manage.py api_token` makes a new one); return how many."""
    from rest_framework.authtoken.models import Token

    _total, by_model = Token.objects.filter(user=user).delete()
    # The total counts the rows deleted with the tokens too (their ApiTokenOrigin).
    return by_model.get(Token._meta.label, 0)


def access_end_for(user) -> dict[str, int]:
    """Every way in that would outlive a deactivation, ended; the counts are for the audit
    event of the deactivation."""
    return {"sessions_ended": sessions_end_for(user), "tokens_revoked": tokens_revoke_for(user)}
