"""The letter's salutations, closes and signatories on the administrators' reference data
pages (plugged in by the letter kind): each language kept in its column, audited, a taken
code refused with the text kept."""

import pytest

from cica_docs.accounts import roles
from cica_docs.audit.models import AuditEvent
from letters.models import Formula, Signatory
from tests.conftest import make_user, queries_of
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client, db):
    client.force_login(make_user("secretariat.admin", roles.ADMIN))
    return client


def values(instance, *names):
    instance.refresh_from_db()
    return {f"{n}_{c}": getattr(instance, f"{n}_{c}") for n in names for c in ("en", "ru", "kk")}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_changing_a_signatorys_kazakh_title_in_any_language_changes_only_that(
    manager, language
):
    signatory = Signatory.objects.get(code="secretary-general")
    before = values(signatory, "name", "title")
    url = f"/{language}/manage/reference/letter/signatories/{signatory.pk}/"
    data = form_data(manager.get(url).text, containing="code")
    data["title_kk"] = ["Азия Кеңесінің Бас хатшысы"]
    assert manager.post(url, data).status_code == 302
    assert values(signatory, "name", "title") == {**before,
                                                  "title_kk": "Азия Кеңесінің Бас хатшысы"}
    event = AuditEvent.objects.filter(action="letter_signatory.update").latest("pk")
    assert event.detail["changed"] == ["title_kk"]


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_formula_added_in_any_language_keeps_each_language(manager, language):
    text = {"text_en": "Dear Colleague,", "text_ru": "Уважаемый коллега!",
            "text_kk": "Құрметті әріптес!"}
    response = manager.post(f"/{language}/manage/reference/letter/formulas/add/",
                            {"code": "dear-colleague", "part": "salutation", "position": "5",
                             **text})
    assert response.status_code == 302, response.text[:2000]
    assert values(Formula.objects.get(code="dear-colleague"), "text") == text


def test_a_taken_code_is_refused_with_the_text_kept(manager):
    response = manager.post("/en/manage/reference/letter/formulas/add/",
                            {"code": "excellency", "part": "salutation", "position": "5",
                             "text_en": "Your Excellency,", "text_ru": "Ваше Превосходительство!",
                             "text_kk": "Ұлы мәртебелі мырза!"})
    assert response.status_code == 200
    assert "Ваше Превосходительство!" in response.text
    assert Formula.objects.filter(code="excellency").count() == 1


def test_the_list_costs_the_same_queries_for_more_formulas(manager):
    few, _page = queries_of(manager, "/ru/manage/reference/letter/")
    for n in range(6):
        Formula.objects.create(code=f"f{n}", part="close", position=10 + n,
                               text_en=f"E{n}", text_ru=f"Р{n}", text_kk=f"Қ{n}")
    many, page = queries_of(manager, "/ru/manage/reference/letter/")
    assert page.text.count('class="formula-row"') >= 8
    assert many == few
