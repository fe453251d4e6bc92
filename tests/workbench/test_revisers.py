"""The administrators' page of revisers: naming and removing a reviser, audited."""

import pytest

from cica_docs.audit.models import AuditEvent
from cica_docs.workbench.models import LanguageRight
from tests.conftest import make_user, queries_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("interface", ["en", "ru", "kk"])
def test_an_administrator_names_a_reviser_of_a_language(client, admin_user, drafter, interface):
    client.force_login(admin_user)
    response = client.post(f"/{interface}/workbench/revisers/",
                           {"user": drafter.pk, "language": "kk"})
    assert response.status_code == 302
    right = LanguageRight.objects.get()
    assert (right.user, right.language, right.granted_by) == (drafter, "kk", admin_user)
    assert AuditEvent.objects.get(action="workbench.reviser_add").detail["language"] == "kk"


def test_naming_the_same_reviser_twice_is_refused_with_a_message(client, admin_user, drafter):
    client.force_login(admin_user)
    client.post("/en/workbench/revisers/", {"user": drafter.pk, "language": "ru"})
    again = client.post("/en/workbench/revisers/", {"user": drafter.pk, "language": "ru"})
    assert again.status_code == 400
    assert "already a reviser of this language" in again.content.decode()
    assert LanguageRight.objects.count() == 1


def test_a_delegate_cannot_be_named_and_a_bad_language_is_refused(client, admin_user,
                                                                  delegate_kz, drafter):
    client.force_login(admin_user)
    assert client.post("/en/workbench/revisers/", {"user": delegate_kz.pk,
                                                   "language": "kk"}).status_code == 400
    assert client.post("/en/workbench/revisers/", {"user": drafter.pk,
                                                   "language": "xx"}).status_code == 400
    assert not LanguageRight.objects.exists()


def test_removing_a_reviser_is_audited(client, admin_user, drafter):
    right = LanguageRight.objects.create(user=drafter, language="ru", granted_by=admin_user)
    client.force_login(admin_user)
    client.post(f"/en/workbench/revisers/{right.pk}/remove/")
    assert not LanguageRight.objects.exists()
    assert AuditEvent.objects.filter(action="workbench.reviser_remove").count() == 1


def test_the_list_of_revisers_costs_the_same_queries_for_2_and_8(client, admin_user):
    client.force_login(admin_user)

    def add(count):
        for n in range(count):
            user = make_user(f"translator.{LanguageRight.objects.count()}.{n}", "drafter")
            LanguageRight.objects.create(user=user, language="kk", granted_by=admin_user)

    add(2)
    few, _response = queries_of(client, "/en/workbench/revisers/")
    add(6)
    many, response = queries_of(client, "/en/workbench/revisers/")
    assert response.content.decode().count("translator.") >= 16
    assert many == few
