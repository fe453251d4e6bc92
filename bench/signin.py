"""Signing the benchmarks' test clients in as the app requires: registrars and administrators
pass a second factor (cica_docs/accounts/two_factor.py), so after `force_login` the session
also carries the user's confirmed authenticator, made here if the user has none, as after a
correct code."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from cica_docs.accounts.two_factor import has_device, requires_two_factor, totp_device


def sign_in(client, user) -> None:
    client.force_login(user)
    if not (requires_two_factor(user) or has_device(user)):
        return
    device = totp_device(user) or TOTPDevice.objects.create(
        user=user, name="authenticator", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
