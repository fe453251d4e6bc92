import pytest
from django.urls import reverse
from django.utils import translation

from cica_docs.audit.models import AuditEvent
from cica_docs.circulation.models import CirculationList, MemberState

from .conftest import state_ids

pytestmark = pytest.mark.django_db

NAMES = {"name_en": "Working group", "name_ru": "Рабочая группа", "name_kk": "Жұмыс тобы"}


def test_the_default_list_holds_all_28_member_states_named_in_each_language():
    default = CirculationList.objects.get(is_default=True)
    assert (default.name_en, default.name_ru, default.name_kk) == (
        "All member states", "Все государства-члены", "Барлық мүше мемлекеттер"
    )
    assert default.states.count() == 28
    assert not default.states.exclude(status=MemberState.Status.MEMBER).exists()


@pytest.mark.parametrize("role", ["drafter", "registrar", "delegate_kz"])
def test_only_admins_may_manage_lists(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("manage:lists")).status_code == 403
    assert client.post(reverse("manage:list-add"), NAMES).status_code == 403


def test_anonymous_visitors_are_sent_to_login(client):
    assert client.get(reverse("manage:lists"))["Location"].startswith("/en/accounts/login/")


def test_the_list_page_shows_the_default_list_first_with_its_count(admin_client):
    CirculationList.objects.create(name_en="Aaa", name_ru="Ааа", name_kk="Ааа")
    response = admin_client.get(reverse("manage:lists"))
    text = response.text
    assert text.index("All member states") < text.index("Aaa")
    assert "28 member states" in text


def test_the_checkbox_grid_is_sorted_by_the_kazakh_alphabet(admin_client):
    with translation.override("kk"):
        url = reverse("manage:list-add")
    text = admin_client.get(url).text
    # Kazakh puts Ә right after А; Russian order would put Азербайджан before Афганистан.
    assert text.index("Ауғанстан") < text.index("Әзербайжан") < text.index("Бахрейн")
    assert text.index("Кувейт") < text.index("Қазақстан")


def test_an_admin_creates_a_list_and_the_change_is_audited(admin_client, admin_user):
    response = admin_client.post(
        reverse("manage:list-add"), {**NAMES, "states": state_ids("KAZ", "CHN", "IND")}
    )
    assert response.status_code == 302
    created = CirculationList.objects.get(name_en="Working group")
    assert created.created_by == admin_user == created.updated_by
    assert sorted(created.states.values_list("code", flat=True)) == ["CHN", "IND", "KAZ"]
    event = AuditEvent.objects.get(action="circulation_list.create")
    assert event.actor == admin_user and event.detail == {"states": ["CHN", "IND", "KAZ"]}


def test_editing_a_list_records_what_was_added_and_removed(admin_client):
    working = CirculationList.objects.create(**NAMES)
    working.states.set(MemberState.objects.filter(code__in=["KAZ", "CHN"]))
    response = admin_client.post(
        reverse("manage:list-edit", args=[working.pk]),
        {**NAMES, "name_en": "Working group on ICT", "states": state_ids("KAZ", "IND")},
    )
    assert response.status_code == 302
    working.refresh_from_db()
    assert working.name_en == "Working group on ICT"
    assert sorted(working.states.values_list("code", flat=True)) == ["IND", "KAZ"]
    event = AuditEvent.objects.get(action="circulation_list.update")
    assert event.detail == {"added": ["IND"], "removed": ["CHN"]}


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"name_kk": ""}, "name_kk", "This field is required."),
        ({"name_ru": "   "}, "name_ru", "This field is required."),
        ({"name_en": "Bad\x00name"}, "name_en", "Null characters are not allowed."),
        ({"name_en": "all member STATES"}, "name_en",
         "Another circulation list already has this name."),
        ({"states": []}, "states", "Choose at least one member state."),
        ({"states": ["999999"]}, "states", "Select a valid choice."),
        ({"states": ["-1"]}, "states", "Select a valid choice."),
        ({"states": ["abc"]}, "states", "is not a valid value"),
        ({"states": [str(10**30)]}, "states", "Select a valid choice."),
    ],
)
def test_bad_input_gets_a_clear_error_and_saves_nothing(admin_client, change, field, message):
    before = CirculationList.objects.count()
    data = {**NAMES, "states": state_ids("KAZ"), **change}
    response = admin_client.post(reverse("manage:list-add"), data)
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert CirculationList.objects.count() == before
    assert not AuditEvent.objects.filter(action__startswith="circulation_list.").exists()
    # What the admin typed is still in the form.
    if change.get("name_kk") == "":
        assert 'value="Рабочая группа"' in response.text


def test_an_inactive_state_cannot_be_put_on_a_list(admin_client):
    MemberState.objects.filter(code="AFG").update(is_active=False)
    response = admin_client.post(reverse("manage:list-add"), {**NAMES, "states": state_ids("AFG")})
    assert response.status_code == 200
    assert not CirculationList.objects.filter(name_en="Working group").exists()


@pytest.mark.parametrize("pk", ["0", "999999", str(10**30)])
def test_unknown_list_ids_answer_404(admin_client, pk):
    assert admin_client.get(f"/en/manage/lists/{pk}/").status_code == 404
    assert admin_client.post(f"/en/manage/lists/{pk}/delete/").status_code == 404


@pytest.mark.parametrize("pk", ["-1", "abc", "1.5"])
def test_ids_that_are_not_numbers_answer_404(admin_client, pk):
    assert admin_client.get(f"/en/manage/lists/{pk}/").status_code == 404


def test_the_default_list_cannot_be_deleted(admin_client):
    default = CirculationList.objects.get(is_default=True)
    page = admin_client.get(reverse("manage:list-delete", args=[default.pk]))
    assert "The default list cannot be deleted." in page.text
    response = admin_client.post(reverse("manage:list-delete", args=[default.pk]), follow=True)
    assert "The default list cannot be deleted." in response.text
    assert CirculationList.objects.filter(pk=default.pk).exists()
    assert not AuditEvent.objects.filter(action="circulation_list.delete").exists()


def test_another_list_is_deleted_and_the_deletion_audited(admin_client):
    working = CirculationList.objects.create(**NAMES)
    working.states.set(MemberState.objects.filter(code="KAZ"))
    response = admin_client.post(reverse("manage:list-delete", args=[working.pk]))
    assert response.status_code == 302
    assert not CirculationList.objects.filter(pk=working.pk).exists()
    event = AuditEvent.objects.get(action="circulation_list.delete")
    assert event.target_repr == "Working group" and event.detail == {"states": ["KAZ"]}


def test_the_django_admin_shows_lists_but_does_not_change_them(admin_client):
    default = CirculationList.objects.get(is_default=True)
    assert admin_client.get("/en/admin/circulation/circulationlist/").status_code == 200
    assert admin_client.get("/en/admin/circulation/circulationlist/add/").status_code == 403
    response = admin_client.post(
        f"/en/admin/circulation/circulationlist/{default.pk}/change/", {"name_en": "x"}
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("language", "heading", "default_name"),
    [("ru", "Списки рассылки", "Все государства-члены"),
     ("kk", "Тарату тізімдері", "Барлық мүше мемлекеттер")],
)
def test_the_lists_page_speaks_the_interface_language(admin_client, language, heading,
                                                      default_name):
    with translation.override(language):
        text = admin_client.get(reverse("manage:lists")).text
    assert f'<h1 class="h2 mb-0">{heading}</h1>' in text
    assert default_name in text
