import time

import pytest

from cica_docs.accounts.reauth import SESSION_KEY
from cica_docs.circulation.models import MemberState


@pytest.fixture
def admin_client(client, admin_user):
    """The admin, logged in, who confirmed the password a moment ago."""
    client.force_login(admin_user)
    session = client.session
    session[SESSION_KEY] = int(time.time())
    session.save()
    return client


def state_ids(*codes):
    return [str(state.pk) for state in MemberState.objects.filter(code__in=codes)]
