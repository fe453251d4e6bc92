import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cica_docs.accounts.roles import ROLE_PERMISSIONS

pytestmark = pytest.mark.django_db


def test_the_migration_creates_the_five_roles_with_their_permissions():
    for role, permissions in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=role)
        granted = {
            f"{app}.{codename}"
            for app, codename in group.permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        assert set(permissions) <= granted, role


def test_a_delegate_cannot_open_the_work_list(client, delegate_in):
    client.force_login(delegate_in)
    assert client.get(reverse("documents:worklist")).status_code == 403


@pytest.mark.parametrize("role", ["drafter", "reviewer", "registrar", "admin_user"])
def test_staff_have_no_inbox(client, role, request):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("portal:inbox")).status_code == 404


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get("/en/work/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


def test_a_delegate_is_never_staff(delegate_kz):
    from django.db import IntegrityError, transaction

    delegate_kz.is_staff = True
    with pytest.raises(IntegrityError), transaction.atomic():
        delegate_kz.save()
