"""Secretariat staff accounts in the app's own pages (manage/staff/): who may, the guards
of accounts/staff.py, the invitation, the audit trail, and the pages in EN/RU/KK."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from cica_docs.accounts import roles, staff
from cica_docs.accounts.models import User
from cica_docs.audit.models import AuditEvent
from tests.conftest import make_user, queries_of, reauthenticate, two_factor_device

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(admin_user):
    client = Client()
    client.force_login(admin_user)
    reauthenticate(client)
    return client


def new_staff(**change):
    return {"username": "dana.s", "first_name": "Dana", "last_name": "Seitkali",
            "email": "dana@s-cica.org", "preferred_language": "ru",
            "roles": [roles.DRAFTER, roles.REVIEWER], **change}


def actions_on(user):
    return list(AuditEvent.objects.filter(target_id=str(user.pk), target_type__model="user")
                .order_by("id").values_list("action", flat=True))


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_an_added_staff_member_gets_roles_and_a_password_link(
    admin_client, smtp_server, language
):
    with translation.override(language):
        url = reverse("manage:staff-add")
    assert url.startswith(f"/{language}/")
    response = admin_client.post(url, new_staff(preferred_language=language), follow=True)
    assert response.status_code == 200 and not response.context.get("form")
    person = User.objects.get(username="dana.s")
    assert person.member_state is None and not person.is_staff and not person.is_superuser
    assert person.role_names() == [roles.DRAFTER, roles.REVIEWER]
    assert person.preferred_language == language
    assert (person.first_name, person.last_name, person.email) == (
        "Dana", "Seitkali", "dana@s-cica.org")
    assert not person.has_usable_password()

    [message] = smtp_server.messages
    assert message["To"] == "dana@s-cica.org"
    body = message.get_content()
    link = re.search(r"http://testserver(/\w\w/accounts/password/reset/\S+/)", body).group(1)
    assert link.startswith(f"/{language}/")
    greeting, role = {"en": ("Dear Dana Seitkali", "Drafter"),
                      "ru": ("Уважаемый(-ая) Dana Seitkali", "Исполнитель"),
                      "kk": ("Құрметті Dana Seitkali", "Орындаушы")}[language]
    assert greeting in body and role in body
    assert actions_on(person) == ["staff.create", "staff.invite"]
    event = AuditEvent.objects.get(action="staff.create")
    assert event.detail["roles"] == [roles.DRAFTER, roles.REVIEWER]


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_names_e_mail_and_roles_are_edited_in_each_language(admin_client, drafter, language):
    with translation.override(language):
        url = reverse("manage:staff-edit", args=[drafter.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["roles"] == [roles.DRAFTER]
    response = admin_client.post(url, {
        "first_name": "Нурлан", "last_name": "Әбенов", "email": "nurlan@s-cica.org",
        "preferred_language": "kk", "roles": [roles.REGISTRAR]})
    assert response.status_code == 302
    drafter.refresh_from_db()
    assert (drafter.first_name, drafter.last_name, drafter.email,
            drafter.preferred_language) == ("Нурлан", "Әбенов", "nurlan@s-cica.org", "kk")
    assert drafter.role_names() == [roles.REGISTRAR]
    event = AuditEvent.objects.get(action="staff.update")
    assert event.detail["before"]["roles"] == [roles.DRAFTER]
    assert event.detail["after"]["roles"] == [roles.REGISTRAR]
    assert set(event.detail["changed"]) == {"first_name", "last_name", "email",
                                            "preferred_language", "roles"}


def test_a_role_change_asks_for_the_password_again(admin_user, drafter):
    client = Client()
    client.force_login(admin_user)  # signed in, but no recent password
    url = reverse("manage:staff-edit", args=[drafter.pk])
    response = client.post(url, {"first_name": "D", "last_name": "R", "email": "d@x.org",
                                 "preferred_language": "en", "roles": [roles.ADMIN]})
    assert response.status_code == 200
    assert "registration/reauthenticate.html" in [t.name for t in response.templates]
    assert drafter.role_names() == [roles.DRAFTER]
    assert not AuditEvent.objects.filter(action="staff.update").exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"username": "DRAFTER"}, "username", "This username is already taken."),
        ({"email": "Drafter@example.org"}, "email", "Someone already uses this e-mail"),
        ({"roles": [roles.DELEGATE]}, "roles", "Select a valid choice."),
        ({"roles": []}, "roles", "This field is required."),
        ({"username": "bad\x00name"}, "username", "Null characters are not allowed."),
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
        ({"preferred_language": "de"}, "preferred_language", "Select a valid choice."),
    ],
)
def test_bad_staff_input_gets_a_clear_error_and_saves_nothing(
    admin_client, drafter, smtp_server, change, field, message
):
    before = User.objects.count()
    response = admin_client.post(reverse("manage:staff-add"), new_staff(**change))
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert User.objects.count() == before and smtp_server.messages == []


@pytest.mark.parametrize("role", ["registrar", "delegate", "drafter"])
def test_only_administrators_reach_the_pages(request, role, drafter):
    user = request.getfixturevalue({"registrar": "registrar", "delegate": "delegate_kz",
                                    "drafter": "reviewer"}[role])
    client = Client()
    client.force_login(user)
    reauthenticate(client)
    assert client.get(reverse("manage:staff")).status_code == 403
    assert client.post(reverse("manage:staff-add"), new_staff()).status_code == 403
    assert client.post(reverse("manage:staff-deactivate", args=[drafter.pk])).status_code == 403
    drafter.refresh_from_db()
    assert drafter.is_active and not User.objects.filter(username="dana.s").exists()


def test_the_service_refuses_whoever_is_not_an_administrator(registrar, drafter):
    with pytest.raises(PermissionDenied):
        staff.staff_create(by=registrar, **new_staff())
    with pytest.raises(PermissionDenied):
        staff.staff_deactivate(staff=drafter, by=registrar)
    with pytest.raises(PermissionDenied):
        staff.staff_update(staff=drafter, by=registrar, first_name="a", last_name="b",
                           email="c@d.org", roles=[roles.ADMIN], preferred_language="en")
    drafter.refresh_from_db()
    assert drafter.is_active and drafter.role_names() == [roles.DRAFTER]
    assert AuditEvent.objects.filter(action="staff.refused").count() == 3


def test_the_service_gives_only_staff_roles_and_never_to_a_delegate(admin_user, delegate_kz,
                                                                    drafter):
    with pytest.raises(ValidationError):
        staff.staff_update(staff=drafter, by=admin_user, first_name="a", last_name="b",
                           email="c@d.org", roles=[roles.DELEGATE], preferred_language="en")
    with pytest.raises(ValidationError):
        staff.staff_update(staff=delegate_kz, by=admin_user, first_name="a", last_name="b",
                           email="c@d.org", roles=[roles.ADMIN], preferred_language="en")
    delegate_kz.refresh_from_db()
    assert delegate_kz.role_names() == [roles.DELEGATE] and delegate_kz.member_state
    assert drafter.role_names() == [roles.DRAFTER]


def test_a_delegate_is_not_a_staff_account_in_the_pages(admin_client, delegate_kz):
    assert admin_client.get(reverse("manage:staff-edit", args=[delegate_kz.pk])).status_code == 404
    assert admin_client.post(
        reverse("manage:staff-deactivate", args=[delegate_kz.pk])).status_code == 404
    delegate_kz.refresh_from_db()
    assert delegate_kz.is_active


def test_an_administrator_keeps_their_own_role_and_account(admin_client, admin_user):
    make_user("second.admin", roles.ADMIN)  # not the last one: the guard is about oneself
    response = admin_client.post(reverse("manage:staff-edit", args=[admin_user.pk]), {
        "first_name": "A", "last_name": "B", "email": "admin@example.org",
        "preferred_language": "en", "roles": [roles.REGISTRAR]})
    assert response.status_code == 200
    assert "your own administrator rights" in str(response.context["form"].non_field_errors())
    assert roles.ADMIN in admin_user.role_names()

    refused = admin_client.post(reverse("manage:staff-deactivate", args=[admin_user.pk]),
                                follow=True)
    assert "cannot deactivate your own account" in refused.text
    admin_user.refresh_from_db()
    assert admin_user.is_active
    assert not AuditEvent.objects.filter(action__in=["staff.update",
                                                     "staff.deactivate"]).exists()


def test_the_last_active_administrator_cannot_lose_the_role(admin_user):
    other = make_user("other.admin", roles.ADMIN)
    # admin_user and other are both administrators: other may lose the role…
    staff.staff_update(staff=other, by=admin_user, first_name="O", last_name="A",
                       email="other@example.org", roles=[roles.REGISTRAR],
                       preferred_language="en")
    assert other.role_names() == [roles.REGISTRAR]
    # …and now admin_user is the last one: another administrator is needed first.
    back = make_user("back.admin", roles.ADMIN)
    staff.staff_deactivate(staff=back, by=admin_user)
    with pytest.raises(ValidationError, match="last active administrator"):
        staff.staff_update(staff=admin_user, by=back, first_name="A", last_name="B",
                           email="admin@example.org", roles=[roles.DRAFTER],
                           preferred_language="en")
    with pytest.raises(ValidationError, match="last active administrator"):
        staff.staff_deactivate(staff=admin_user, by=back)
    admin_user.refresh_from_db()
    assert admin_user.is_active and roles.ADMIN in admin_user.role_names()


def test_deactivation_ends_the_sessions_and_reactivation_gives_the_account_back(
    admin_client, drafter
):
    colleague = Client()
    colleague.force_login(drafter)
    assert colleague.get(reverse("my-work")).status_code == 200
    assert admin_client.post(
        reverse("manage:staff-deactivate", args=[drafter.pk])).status_code == 302
    assert colleague.get(reverse("my-work")).status_code == 302
    event = AuditEvent.objects.get(action="staff.deactivate")
    assert event.detail == {"sessions_ended": 1, "tokens_revoked": 0}
    admin_client.post(reverse("manage:staff-reactivate", args=[drafter.pk]))
    drafter.refresh_from_db()
    assert drafter.is_active
    assert colleague.get(reverse("my-work")).status_code == 302  # the old session stays dead
    assert actions_on(drafter) == ["staff.deactivate", "staff.reactivate"]


def test_the_link_can_be_sent_again(admin_client, reviewer, smtp_server):
    response = admin_client.post(reverse("manage:staff-invite", args=[reviewer.pk]))
    assert response.status_code == 302
    [message] = smtp_server.messages
    assert message["To"] == reviewer.email
    assert "Reviewer" in message.get_content()
    assert actions_on(reviewer) == ["staff.invite"]


def test_a_mail_server_that_is_down_does_not_lose_the_account(admin_client, smtp_server):
    smtp_server.stop()
    response = admin_client.post(reverse("manage:staff-add"), new_staff(), follow=True)
    assert response.status_code == 200 and "could not be sent" in response.text
    person = User.objects.get(username="dana.s")
    assert actions_on(person) == ["staff.create", "staff.invite_failed"]


def test_the_list_shows_staff_only_with_roles_two_factor_and_filter(
    admin_client, admin_user, drafter, registrar, delegate_kz
):
    make_user("root.only", is_superuser=True, is_staff=True)  # the Django admin's
    two_factor_device(registrar)
    response = admin_client.get(reverse("manage:staff"))
    names = [user.username for user in response.context["page"]]
    assert names == ["admin", "drafter", "registrar"]
    assert "Registrar" in response.text
    rows = {user.username: user for user in response.context["page"]}
    assert rows["registrar"].two_factor and not rows["drafter"].two_factor
    filtered = admin_client.get(reverse("manage:staff"), {"role": roles.REGISTRAR})
    assert [user.username for user in filtered.context["page"]] == ["registrar"]
    ignored = admin_client.get(reverse("manage:staff"), {"role": "nonsense"})
    assert ignored.status_code == 200 and len(ignored.context["page"]) == 3
    with translation.override("kk"):
        kk = admin_client.get(reverse("manage:staff"))
    assert "Тіркеуші" in kk.text and "Registrar" not in kk.text


def test_the_list_costs_the_same_queries_for_2_and_12_accounts(admin_client):
    for index in range(2):
        make_user(f"staff{index:02}", roles.DRAFTER, roles.REVIEWER)
    few, _response = queries_of(admin_client, "/en/manage/staff/")
    for index in range(2, 12):
        make_user(f"staff{index:02}", roles.DRAFTER, roles.REVIEWER)
    many, response = queries_of(admin_client, "/en/manage/staff/")
    assert "staff11" in response.text
    assert many == few
