"""The pages of two-factor sign-in: the code after the password, setting up an app, the
account's security page (recovery codes, removing the app, an API token made after the
second step) and an administrator's reset. The rules are in two_factor.py."""

from base64 import b32encode

import segno
from axes.helpers import get_lockout_response
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from rest_framework.authtoken.models import Token

from cica_docs.audit.log import record, security_event

from . import two_factor
from .access import role_required
from .models import ApiTokenOrigin
from .reauth import reauthentication_required


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"), max_length=40, strip=True,
        help_text=gettext_lazy("The six digits your authenticator app shows now, or one of "
                               "your recovery codes."),
    )


class EnrolForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Code shown by the app"), max_length=40,
                           strip=True)


class ResetForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Username"), max_length=150, strip=True)

    def clean_username(self):
        user = get_user_model().objects.filter(
            username=self.cleaned_data["username"].replace("\x00", "")).first()
        if user is None:
            raise forms.ValidationError(_("There is no user of that name."))
        if not two_factor.has_device(user):
            raise forms.ValidationError(_("This user has not set up two-factor sign-in."))
        return user


def _lockout(request, user):
    two_factor.end_locked_out_session(request)
    return get_lockout_response(request, None, {"username": user.get_username()})


@login_required
def verify(request):
    """The code after the password."""
    user = request.user
    next_url = two_factor.safe_next(request)
    step = two_factor.pending_step(user)
    if step != "verify":
        return redirect(two_factor.step_url(step, next_url) if step else next_url)
    if two_factor.is_locked_out(request, user):
        return _lockout(request, user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = two_factor.check_code(request, user, form.cleaned_data["code"])
        except two_factor.CodeRefused as refused:
            if two_factor.is_locked_out(request, user):
                return _lockout(request, user)
            form.add_error("code", refused.message)
        else:
            two_factor.verify(request, device)
            return redirect(next_url)
    return render(request, "registration/two_factor_verify.html",
                  {"form": form, "next": next_url})


def _grouped(key: str) -> str:
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))


@login_required
def enrol(request):
    """Set up an authenticator app: scan the QR code (or type the key), confirm a code."""
    user = request.user
    next_url = two_factor.safe_next(request)
    if two_factor.has_device(user):
        if not two_factor.is_verified(user):
            return redirect(two_factor.step_url("verify", next_url))
        return redirect("accounts:security")
    device = two_factor.enrolment_device(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = two_factor.enrol_confirm(request, device, form.cleaned_data["code"])
        except two_factor.CodeRefused as refused:
            form.add_error("code", refused.message)
        else:
            return render(request, "registration/two_factor_recovery_codes.html",
                          {"codes": codes, "next": next_url, "enrolled": True})
    key = b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m").svg_data_uri(border=2, scale=4)
    return render(request, "registration/two_factor_enrol.html", {
        "form": form, "next": next_url, "qr": qr, "key": _grouped(key),
        "required": two_factor.requires_two_factor(user),
    })


def _security_context(request, **extra):
    user = request.user
    token = Token.objects.filter(user=user).select_related("origin").first()
    origin = getattr(token, "origin", None) if token else None
    return {
        "has_device": two_factor.has_device(user),
        "required": two_factor.requires_two_factor(user),
        "codes_left": two_factor.recovery_codes_left(user),
        "token": token, "token_two_factor": bool(origin and origin.two_factor),
        "remove_form": CodeForm(), **extra,
    }


@login_required
def security(request):
    """The account's two-factor sign-in and API token."""
    return render(request, "registration/account_security.html", _security_context(request))


@login_required
@require_POST
@reauthentication_required
def recovery_codes(request):
    """A new set of recovery codes, shown once; the old ones stop working."""
    if not two_factor.has_device(request.user):
        return redirect("accounts:security")
    with transaction.atomic():
        codes = two_factor.recovery_codes_new(request.user)
        record(action="auth.recovery_codes_renewed", request=request)
    return render(request, "registration/two_factor_recovery_codes.html",
                  {"codes": codes, "next": reverse("accounts:security"), "enrolled": False})


@login_required
@require_POST
@reauthentication_required
def remove(request):
    """Remove the authenticator app and recovery codes: the password and a current code."""
    user = request.user
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            two_factor.check_code(request, user, form.cleaned_data["code"])
        except two_factor.CodeRefused as refused:
            if two_factor.is_locked_out(request, user):
                return _lockout(request, user)
            form.add_error("code", refused.message)
    if not form.is_valid():
        return render(request, "registration/account_security.html",
                      _security_context(request, remove_form=form))
    with transaction.atomic():
        two_factor.devices_remove(user)
        security_event(action="auth.two_factor_removed", request=request, target=user)
    messages.success(request, _("Two-factor sign-in was removed from your account."))
    return redirect("accounts:security")


@login_required
@require_POST
@reauthentication_required
def api_token(request):
    """A new API token (the old one stops working), shown once. Made in a session that passed
    the second step, it may issue and dispatch through the API."""
    user = request.user
    verified = two_factor.is_verified(user)
    with transaction.atomic():
        revoked, _by_model = Token.objects.filter(user=user).delete()
        token = Token.objects.create(user=user)
        ApiTokenOrigin.objects.create(token=token, two_factor=verified)
        record(action="api_token.create", request=request, target=user,
               two_factor=verified, replaced=bool(revoked))
    return render(request, "registration/api_token.html",
                  {"key": token.key, "two_factor": verified})


@role_required("accounts.change_user")
@reauthentication_required
def reset(request):
    """An administrator removes a person's authenticator app and recovery codes (a lost
    phone); a role that requires it sets one up again at the next sign-in."""
    form = ResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["username"]
        with transaction.atomic():
            two_factor.devices_remove(person)
            security_event(action="auth.two_factor_reset", request=request, target=person)
        messages.success(request, _("Two-factor sign-in of %(name)s was reset. They set it "
                                    "up again when they next sign in.")
                         % {"name": person.get_full_name() or person.get_username()})
        return redirect("accounts:two-factor-reset")
    return render(request, "registration/two_factor_reset.html", {"form": form})
