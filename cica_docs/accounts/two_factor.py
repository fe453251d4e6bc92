"""Two-factor sign-in: the rules, in one place (SECURITY.md 7; issue 16 item 8).

After the password, a person who has an authenticator app set up enters its six-digit code
(TOTP, django-otp) or one of their recovery codes. Registrars and administrators — the
people who issue and circulate — must have one: signed in with the password alone, they are
led through setting it up and reach nothing else first. Drafters, reviewers and delegates
may set it up on their account page; once they have, they enter a code too.

`TwoFactorMiddleware` is where this is enforced, for every page and the API alike: a session
that still owes its second step answers only the second step's pages, log-out and the
language switch; every other page redirects there, and the API answers 403 in JSON. The
decorators of the staff area (`accounts/access.py`) then never see such a session.

A wrong code counts as a failed log-in for django-axes (the same username + address
lockout as wrong passwords, so a guesser has 5 tries, not 10⁶) and in the audit log; a
locked-out session is ended, so the next try starts again at the password, which axes
refuses until the cool-off. django-otp's own throttling (a growing wait after each wrong
code) comes on top. A TOTP code is accepted once: django-otp keeps the last time step used.
Recovery codes are kept by django-otp's static device, one use each.
"""

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cica_docs.audit.log import record, security_event

from . import roles

RECOVERY_CODES = 10
RECOVERY_DEVICE = "recovery"
TOTP_DEVICE = "authenticator"


def requires_two_factor(user) -> bool:
    """Must this person sign in with a second factor? (roles.TWO_FACTOR_PERMISSIONS)"""
    return any(user.has_perm(permission) for permission in roles.TWO_FACTOR_PERMISSIONS)


def totp_device(user, *, confirmed=True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("pk").first()


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_verified(user) -> bool:
    """Did this session pass the second step? (django-otp's middleware sets `otp_device`.)"""
    return getattr(user, "otp_device", None) is not None


def pending_step(user) -> str | None:
    """What a signed-in session still owes: "verify" (enter a code), "enrol" (set up an
    app first: a role that requires it, without one), or None."""
    if not user.is_authenticated or is_verified(user):
        return None
    if has_device(user):
        return "verify"
    if requires_two_factor(user):
        return "enrol"
    return None


def safe_next(request, default: str | None = None) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default or reverse(settings.LOGIN_REDIRECT_URL)


def step_url(step: str, next_url: str | None = None) -> str:
    url = reverse("accounts:two-factor" if step == "verify" else "accounts:two-factor-enrol")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def normalised_code(raw: str) -> str:
    """What was typed, without the spaces and hyphens people add when copying codes."""
    code = "".join(ch for ch in str(raw) if ch not in " -\t")
    return code.lower() if code.isascii() and code.isalnum() and len(code) <= 16 else ""


class CodeRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _count_failure(request, user) -> None:
    """A wrong code is a failed log-in: django-axes counts it against username + address
    (and marks the request locked out at the limit), the audit log records it."""
    user_login_failed.send(
        sender=__name__, request=request,
        credentials={"username": user.get_username(), "purpose": "two_factor"},
    )


def is_locked_out(request, user) -> bool:
    from axes.handlers.proxy import AxesProxyHandler

    return AxesProxyHandler.is_locked(request, credentials={"username": user.get_username()})


def _throttled(device) -> bool:
    allowed, _data = device.verify_is_allowed()
    return not allowed


def check_code(request, user, raw: str):
    """The device that accepts `raw` (a TOTP code or a recovery code, which is then used
    up), or CodeRefused with the message to show. Failures are counted (see above)."""
    code = normalised_code(raw)
    with transaction.atomic():
        devices = [*TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True),
                   *StaticDevice.objects.select_for_update().filter(user=user, confirmed=True)]
        if not devices:
            raise CodeRefused(_("Two-factor sign-in is not set up for this account."))
        is_totp = code.isdigit() and len(code) == 6  # recovery codes: 8 letters and digits
        candidates = [d for d in devices if isinstance(d, TOTPDevice) == is_totp]
        if candidates and all(_throttled(d) for d in candidates):
            raise CodeRefused(_("Too many wrong codes in a row. Wait a minute, then enter "
                                "the current code."))
        for device in candidates:
            if code and device.verify_token(code):
                return device
    _count_failure(request, user)
    raise CodeRefused(_("That code is not correct, or it has already been used."))


def verify(request, device) -> None:
    """Mark this session as having passed the second step with `device`."""
    request.session.cycle_key()
    otp_login(request, device)
    used = "recovery_code" if isinstance(device, StaticDevice) else "authenticator"
    record(action="auth.two_factor_verified", request=request, method=used)
    if used == "recovery_code":
        left = StaticToken.objects.filter(device=device).count()
        security_event(action="auth.recovery_code_used", request=request, codes_left=left)


def end_locked_out_session(request) -> None:
    """At the lockout limit the session ends: the password is asked again, and refused."""
    logout(request)


def enrolment_device(user) -> TOTPDevice:
    """The not yet confirmed device being set up (the same one on every reload, so the QR
    code a person has scanned stays valid)."""
    device = totp_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE, confirmed=False)
    return device


def enrol_confirm(request, device: TOTPDevice, raw: str) -> list[str]:
    """Confirm the app being set up with a code it shows; returns the new recovery codes."""
    code = normalised_code(raw)
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if _throttled(device):
            raise CodeRefused(_("Too many wrong codes in a row. Wait a minute, then enter "
                                "the current code."))
        if not (code.isdigit() and device.verify_token(code)):
            raise CodeRefused(_("That code does not match. Check that the time on your "
                                "phone is set automatically, then enter the current code."))
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        codes = recovery_codes_new(device.user)
        record(action="auth.two_factor_enrolled", request=request, target=device.user)
    verify(request, device)
    return codes


def recovery_codes_new(user) -> list[str]:
    """A new set of recovery codes (the old ones stop working); shown once, then only
    their number is known to the person."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def devices_remove(user) -> int:
    """Every authenticator and recovery code of `user`, deleted; sessions verified with them
    are no longer verified on their next request (django-otp finds no device)."""
    removed, _by_model = TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    return removed


class TwoFactorMiddleware:
    """Nothing but the second step for a session that owes it (see the module's docstring).
    After django-otp's OTPMiddleware."""

    OPEN_VIEWS = {"accounts:two-factor", "accounts:two-factor-enrol", "accounts:logout",
                  "set_language", "healthz"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name in self.OPEN_VIEWS:
            return None
        step = pending_step(request.user)
        if step is None:
            return None
        if "api" in match.namespaces:
            return JsonResponse(
                {"detail": _("Complete two-factor sign-in in the browser first."),
                 "errors": {}, "code": "two_factor_required"}, status=403)
        next_url = request.get_full_path() if request.method == "GET" else None
        return redirect(step_url(step, next_url))
