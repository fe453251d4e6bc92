"""Ending a person's open sessions (used when a delegate is deactivated).

An inactive user is already refused on the next request (ModelBackend.get_user checks
is_active), but the session row would come back to life if the account were reactivated:
a laptop left in a hotel must not get its session back. So the rows are deleted too.
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
