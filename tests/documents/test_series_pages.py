"""Adding and editing a registry series on the reference data pages: a taken code or a
counter below 1 is refused, and once a series has given a number its code and numbering
rule are fixed and its counter cannot be set here at all (it moves forward only by
issuing, or by skipping numbers with a reason)."""

import pytest

from cica_docs.accounts import roles
from cica_docs.audit.models import AuditEvent
from cica_docs.documents import services
from cica_docs.documents.models import Series
from tests.conftest import make_user
from tests.factories import approved_note
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client, db):
    client.force_login(make_user("secretariat.admin", roles.ADMIN))
    return client


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_series_is_added_in_any_language_and_audited(manager, language):
    response = manager.post(f"/{language}/manage/series/add/",
                            {"code": "SOC/MTG", "name": "Letters of the Secretary General",
                             "next_number": "12"})
    assert response.status_code == 302, response.text[:2000]
    series = Series.objects.get(code="SOC/MTG")
    assert (series.name, series.next_number, series.restart_yearly) == (
        "Letters of the Secretary General", 12, False)
    assert AuditEvent.objects.filter(action="series.create", target_id=str(series.pk)).exists()


def test_a_taken_code_is_refused_and_nothing_is_added(manager):
    Series.objects.create(code="NCT/CT", next_number=275)
    response = manager.post("/kk/manage/series/add/",
                            {"code": "nct/ct".upper(), "name": "Again", "next_number": "1"})
    assert response.status_code == 200
    assert "NCT/CT коды бар басқа серия бұрыннан бар." in response.text
    assert 'value="Again"' in response.text
    assert Series.objects.filter(code="NCT/CT").count() == 1


def test_a_counter_below_one_or_a_code_in_cyrillic_is_refused(manager):
    response = manager.post("/en/manage/series/add/",
                            {"code": "NCT/СТ", "name": "Look-alike", "next_number": "0"})
    assert response.status_code == 200
    assert "Use Latin capital letters, digits and slashes only" in response.text
    assert "Ensure this value is greater than or equal to 1." in response.text
    assert not Series.objects.filter(name="Look-alike").exists()


def test_a_series_that_gave_numbers_keeps_its_code_rule_and_counter(
    manager, drafter, reviewer, registrar
):
    note = approved_note(drafter, reviewer)
    services.document_issue(document=note, by=registrar, acknowledge_warnings=True)
    series = Series.objects.get(code="NCT/CT")
    url = f"/en/manage/series/{series.pk}/"
    page = manager.get(url)
    assert "Fixed: this series has given numbers." in page.text
    assert 'name="next_number"' not in page.text
    data = form_data(page.text, containing="name")
    # Forged: a new code, a yearly restart and the counter back to 1.
    data.update({"name": ["Notes verbales to member states"], "code": ["NCT/XX"],
                 "restart_yearly": ["on"], "next_number": ["1"]})
    assert manager.post(url, data).status_code == 302
    series.refresh_from_db()
    assert (series.code, series.restart_yearly, series.next_number, series.name) == (
        "NCT/CT", False, 276, "Notes verbales to member states")
    note.refresh_from_db()
    assert note.symbol == "NCT/CT/275"
    event = AuditEvent.objects.filter(action="series.update").latest("pk")
    assert event.detail["changed"] == ["name"]


def test_a_registrar_sees_the_series_but_cannot_add_or_edit_one(client, registrar):
    series = Series.objects.create(code="NCT/CT", next_number=275)
    client.force_login(registrar)
    assert client.get("/en/manage/series/").status_code == 200
    assert client.post("/en/manage/series/add/", {"code": "X/Y", "next_number": "1"}
                       ).status_code == 403
    assert client.post(f"/en/manage/series/{series.pk}/", {"code": "NCT/CT", "name": "Mine"}
                       ).status_code == 403
    series.refresh_from_db()
    assert series.name == "" and not Series.objects.filter(code="X/Y").exists()
