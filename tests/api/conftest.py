import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


def token_client(user, *, two_factor=True) -> APIClient:
    """A client that authenticates the way an integration does: with the user's token —
    by default one made on the account page after two-factor sign-in (which may issue and
    dispatch); `two_factor=False`: one from `manage.py api_token`, which may not."""
    from cica_docs.accounts.models import ApiTokenOrigin

    client = APIClient()
    if user is not None:
        token, _created = Token.objects.get_or_create(user=user)
        ApiTokenOrigin.objects.update_or_create(token=token,
                                                defaults={"two_factor": two_factor})
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def api():
    return token_client
