import re

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from cica_docs.accounts.models import User
from cica_docs.audit.models import AuditEvent
from cica_docs.circulation.models import MemberState

pytestmark = pytest.mark.django_db


def logs_in(username, password):
    response = Client().post(
        reverse("accounts:login"), {"username": username, "password": password}
    )
    return response.status_code == 302


def new_delegate(**change):
    return {
        "username": "aidos.k",
        "first_name": "Aidos",
        "last_name": "Kenzhebekov",
        "email": "aidos@mfa.kz",
        "member_state": str(MemberState.objects.get(code="KAZ").pk),
        "preferred_language": "kk",
        **change,
    }


def test_an_added_delegate_receives_a_password_link_in_their_language(
    admin_client, admin_user, smtp_server
):
    response = admin_client.post(reverse("manage:delegate-add"), new_delegate(), follow=True)
    assert "has been e-mailed a link to choose a password" in response.text
    delegate = User.objects.get(username="aidos.k")
    assert delegate.is_delegate and delegate.member_state.code == "KAZ"
    assert not delegate.has_usable_password()  # nobody but the delegate chooses it

    [message] = smtp_server.messages
    assert smtp_server.envelopes[0].rcpt_tos == ["aidos@mfa.kz"]
    assert message["To"] == "aidos@mfa.kz"
    assert message["Subject"] == "CICA Docs: құпиясөзіңізді таңдаңыз"
    body = message.get_content()
    assert "Құрметті Aidos Kenzhebekov" in body and "Қазақстан" in body
    link = re.search(r"http://testserver(/kk/accounts/password/reset/\S+/)", body).group(1)

    # The link works once, in Kazakh, and the chosen password logs the delegate in.
    form = admin_client.get(link, follow=True)
    assert form.context["validlink"] and form.context["LANGUAGE_CODE"] == "kk"
    done = admin_client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "dala-keng-2026-jol", "new_password2": "dala-keng-2026-jol"},
    )
    assert done.status_code == 302
    assert logs_in("aidos.k", "dala-keng-2026-jol")
    assert admin_client.get(link, follow=True).context["validlink"] is False

    actions = list(AuditEvent.objects.filter(target_id=str(delegate.pk))
                   .order_by("id").values_list("action", flat=True))
    assert actions == ["delegate.create", "delegate.invite"]


def test_a_mail_server_that_is_down_does_not_lose_the_delegate(admin_client, smtp_server):
    smtp_server.stop()
    response = admin_client.post(reverse("manage:delegate-add"), new_delegate(), follow=True)
    assert response.status_code == 200
    assert "the e-mail could not be sent" in response.text
    delegate = User.objects.get(username="aidos.k")
    assert AuditEvent.objects.filter(action="delegate.invite_failed",
                                     target_id=str(delegate.pk)).exists()


def test_the_link_can_be_sent_again(admin_client, delegate_in, smtp_server):
    response = admin_client.post(reverse("manage:delegate-invite", args=[delegate_in.pk]))
    assert response.status_code == 302
    [message] = smtp_server.messages
    assert message["To"] == delegate_in.email
    assert "/en/accounts/password/reset/" in message.get_content()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"username": "DELEGATE.KZ"}, "username", "This username is already taken."),
        ({"email": "Delegate.KZ@example.org"}, "email", "Someone already uses this e-mail"),
        ({"username": "bad\x00name"}, "username", "Null characters are not allowed."),
        ({"first_name": "A\x00"}, "first_name", "Null characters are not allowed."),
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
        ({"member_state": "999999"}, "member_state", "Select a valid choice."),
        ({"member_state": "-5"}, "member_state", "Select a valid choice."),
        ({"member_state": str(10**30)}, "member_state", "Select a valid choice."),
        ({"member_state": "abc"}, "member_state", "Select a valid choice."),
        ({"preferred_language": "de"}, "preferred_language", "Select a valid choice."),
        ({"last_name": ""}, "last_name", "This field is required."),
    ],
)
def test_bad_delegate_input_gets_a_clear_error_and_saves_nothing(
    admin_client, delegate_kz, smtp_server, change, field, message
):
    before = User.objects.count()
    response = admin_client.post(reverse("manage:delegate-add"), new_delegate(**change))
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert User.objects.count() == before
    assert smtp_server.messages == []


def test_a_delegate_cannot_be_added_to_an_inactive_state(admin_client, smtp_server):
    MemberState.objects.filter(code="KAZ").update(is_active=False)
    response = admin_client.post(reverse("manage:delegate-add"), new_delegate())
    assert response.status_code == 200 and "member_state" in response.context["form"].errors
    assert not User.objects.filter(username="aidos.k").exists()


def test_deactivation_ends_an_open_session_at_once(admin_client, delegate_kz):
    delegate = Client()
    delegate.force_login(delegate_kz)
    assert delegate.get(reverse("portal:inbox")).status_code == 200

    response = admin_client.post(reverse("manage:delegate-deactivate", args=[delegate_kz.pk]))
    assert response.status_code == 302

    refused = delegate.get(reverse("portal:inbox"))
    assert refused.status_code == 302 and refused["Location"].startswith("/en/accounts/login/")
    event = AuditEvent.objects.get(action="delegate.deactivate")
    assert event.member_state == delegate_kz.member_state
    assert event.detail == {"sessions_ended": 1, "tokens_revoked": 0}

    # Reactivation gives the account back, not the old session.
    admin_client.post(reverse("manage:delegate-reactivate", args=[delegate_kz.pk]))
    delegate_kz.refresh_from_db()
    assert delegate_kz.is_active
    assert delegate.get(reverse("portal:inbox")).status_code == 302
    assert AuditEvent.objects.filter(action="delegate.reactivate").count() == 1


def test_an_api_token_dies_with_deactivation_and_stays_dead_after_reactivation(
    admin_client, delegate_kz
):
    from tests.api.conftest import token_client

    api = token_client(delegate_kz)
    assert api.get("/api/v1/inbox/").status_code == 200
    admin_client.post(reverse("manage:delegate-deactivate", args=[delegate_kz.pk]))
    assert api.get("/api/v1/inbox/").status_code == 401

    admin_client.post(reverse("manage:delegate-reactivate", args=[delegate_kz.pk]))
    assert api.get("/api/v1/inbox/").status_code == 401  # the old key never works again
    assert token_client(delegate_kz).get("/api/v1/inbox/").status_code == 200  # a new one
    assert AuditEvent.objects.get(action="delegate.deactivate").detail["tokens_revoked"] == 1


def test_a_user_deactivated_in_django_admin_loses_sessions_and_token(admin_client, drafter):
    from django.contrib.auth.forms import UserChangeForm

    from tests.api.conftest import token_client

    api, browser = token_client(drafter), Client()
    browser.force_login(drafter)
    url = f"/en/admin/accounts/user/{drafter.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    assert isinstance(form, UserChangeForm)
    data = {name: value for name, value in _form_values(form).items()}
    data["is_active"] = ""  # unticked
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    drafter.refresh_from_db()
    assert not drafter.is_active
    event = AuditEvent.objects.get(action="user.deactivate")
    assert event.detail == {"sessions_ended": 1, "tokens_revoked": 1}
    drafter.is_active = True
    drafter.save()
    assert api.get("/api/v1/notes/").status_code == 401
    assert browser.get(reverse("documents:worklist")).status_code == 302  # to the login


def _form_values(form) -> dict:
    """What the browser would post back for an unchanged admin form."""
    values = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        widget = field.widget
        if hasattr(widget, "widgets"):  # split date and time
            for index, part in enumerate(widget.decompress(value)):
                values[f"{name}_{index}"] = "" if part is None else str(part)
        elif isinstance(value, bool):
            if value:
                values[name] = "on"
        elif isinstance(value, list | tuple):
            values[name] = [getattr(item, "pk", item) for item in value]
        elif value is not None:
            values[name] = getattr(value, "pk", value)
    return values


def test_a_deactivated_delegate_cannot_log_in(admin_client, delegate_kz, password):
    admin_client.post(reverse("manage:delegate-deactivate", args=[delegate_kz.pk]))
    assert not logs_in("delegate.kz", password)


def test_other_sessions_survive_a_deactivation(admin_client, delegate_kz, delegate_in):
    other = Client()
    other.force_login(delegate_in)
    admin_client.post(reverse("manage:delegate-deactivate", args=[delegate_kz.pk]))
    assert other.get(reverse("portal:inbox")).status_code == 200
    assert Session.objects.count() == 2  # the admin's and delegate.in's


def test_deactivation_is_a_post_and_only_for_delegates(admin_client, delegate_kz, drafter):
    url = reverse("manage:delegate-deactivate", args=[delegate_kz.pk])
    assert admin_client.get(url).status_code == 405
    staff = reverse("manage:delegate-deactivate", args=[drafter.pk])
    assert admin_client.post(staff).status_code == 404
    drafter.refresh_from_db()
    assert drafter.is_active
    assert admin_client.post("/en/manage/delegates/99999999999999999999999/deactivate/"
                             ).status_code == 404


@pytest.mark.parametrize("role", ["drafter", "registrar", "delegate_kz"])
def test_only_admins_manage_delegates(client, request, role, delegate_in):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("manage:delegates")).status_code == 403
    url = reverse("manage:delegate-deactivate", args=[delegate_in.pk])
    assert client.post(url).status_code == 403
    delegate_in.refresh_from_db()
    assert delegate_in.is_active


def test_delegates_are_listed_by_state_and_found_by_search(admin_client, delegate_kz,
                                                           delegate_in):
    page = admin_client.get(reverse("manage:delegates"))
    assert page.text.index("India") < page.text.index("Kazakhstan")
    found = admin_client.get(reverse("manage:delegates"), {"q": "delegate.kz"})
    assert "delegate.kz" in found.text and "delegate.in" not in found.text
    kaz = MemberState.objects.get(code="KAZ")
    by_state = admin_client.get(reverse("manage:delegates"), {"state": kaz.pk})
    assert [d.username for d in by_state.context["delegates"]] == ["delegate.kz"]


@pytest.mark.parametrize("state", ["abc", "-1", str(10**30), "\x00"])
def test_a_forged_state_filter_is_ignored(admin_client, delegate_kz, state):
    response = admin_client.get(reverse("manage:delegates"), {"state": state})
    assert response.status_code == 200
    assert "delegate.kz" in response.text


def test_htmx_search_answers_only_the_results(admin_client, delegate_kz):
    response = admin_client.get(reverse("manage:delegates"), {"q": "kz"}, HTTP_HX_REQUEST="true")
    assert response.text.lstrip().startswith('<div id="results"')
    assert "<html" not in response.text and "delegate.kz" in response.text
