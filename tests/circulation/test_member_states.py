import pytest
from django.urls import reverse
from django.utils import translation

from cica_docs.audit.models import AuditEvent
from cica_docs.circulation.models import MemberState

pytestmark = pytest.mark.django_db

OBSERVER = {
    "code": "QQQ",
    "status": "observer",
    "is_active": "on",
    "name_en": "Ruritania", "name_ru": "Руритания", "name_kk": "Руритания",
    "full_name_en": "Kingdom of Ruritania",
    "full_name_ru": "Королевство Руритания",
    "full_name_kk": "Руритания Корольдігі",
}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_states_page_lists_the_28_members_in_the_interface_alphabet(admin_client, language):
    with translation.override(language):
        response = admin_client.get(reverse("manage:states"))
        [(_label, members)] = [g for g in response.context["groups"] if g[1]]
        assert [s.code for s in members] == [s.code for s in MemberState.objects.sorted()]
    assert len(members) == 28


def test_an_admin_adds_an_observer_with_names_in_every_language(admin_client):
    response = admin_client.post(reverse("manage:state-add"), OBSERVER)
    assert response.status_code == 302
    state = MemberState.objects.get(code="QQQ")
    assert (state.name_en, state.name_ru, state.name_kk) == ("Ruritania", "Руритания",
                                                             "Руритания")
    assert state.status == MemberState.Status.OBSERVER
    assert AuditEvent.objects.get(action="member_state.create").member_state == state
    listing = admin_client.get(reverse("manage:states")).text
    assert "Observer" in listing and "Kingdom of Ruritania" in listing


def test_editing_a_state_keeps_its_history(admin_client):
    india = MemberState.objects.get(code="IND")
    data = {**OBSERVER, "code": "IND", "status": "member", "is_active": "",
            "name_en": "India", "full_name_en": "Republic of India"}
    response = admin_client.post(reverse("manage:state-edit", args=[india.pk]), data)
    assert response.status_code == 302
    india.refresh_from_db()
    assert not india.is_active and india.name_ru == "Руритания"
    event = AuditEvent.objects.get(action="member_state.update")
    assert event.detail["before"] == {"code": "IND", "status": "member", "is_active": True}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"code": "KAZ"}, "code"),
        ({"code": "kaz"}, "code"),
        ({"code": "K\x00Z"}, "code"),
        ({"name_kk": ""}, "name_kk"),
        ({"full_name_ru": "x" * 301}, "full_name_ru"),
        ({"status": "empire"}, "status"),
    ],
)
def test_bad_state_input_is_refused_clearly(admin_client, change, field):
    response = admin_client.post(reverse("manage:state-add"), {**OBSERVER, **change})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not MemberState.objects.filter(name_en="Ruritania").exists()


@pytest.mark.parametrize("path", ["/en/manage/states/0/", f"/en/manage/states/{10**30}/",
                                  "/en/manage/states/-3/", "/en/manage/states/x/"])
def test_unknown_state_ids_answer_404(admin_client, path):
    assert admin_client.get(path).status_code == 404


def test_delegates_see_no_management_page(client, delegate_kz):
    client.force_login(delegate_kz)
    assert client.get(reverse("manage:states")).status_code == 403


def test_the_navigation_offers_management_to_admins_only(client, admin_user, drafter):
    client.force_login(admin_user)
    assert reverse("manage:lists") in client.get(reverse("documents:worklist")).text
    client.force_login(drafter)
    assert reverse("manage:lists") not in client.get(reverse("documents:worklist")).text
