"""Every form and service that writes translated fields keeps each language's own text,
whatever the interface language: each page is saved unchanged in /en/, /ru/ and /kk/ (the
real views, the data the page itself rendered) and every language column is compared."""

import pytest

from cica_docs.circulation.models import CirculationList, MemberState
from cica_docs.documents.models import Series
from cica_docs.languages import language_codes
from cica_docs.letterhead.models import Addressee, Letterhead
from letters.models import Formula, Signatory
from notes.models import FormulaSet
from tests.api.conftest import token_client
from tests.conftest import reauthenticate
from tests.factories import make_concept, make_note
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "kk"]
FORMULA_FIELDS = ("opening_template", "closing_template")
LETTERHEAD_FIELDS = ("sender_full", "sender_short", "place", "letterhead", "enclosure_template")


def columns(instance, *names) -> dict[str, str]:
    instance.refresh_from_db()
    return {f"{name}_{code}": getattr(instance, f"{name}_{code}")
            for name in names for code in language_codes()}


@pytest.fixture
def manager(client, admin_user):
    """The administrator, logged in, with a recently confirmed password."""
    client.force_login(admin_user)
    reauthenticate(client)
    return client


def save_unchanged(client, url, *, containing):
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, form_data(page.text, containing=containing))
    assert response.status_code == 302, response.text[:2000]
    return response


# --- the Secretariat's management pages --------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_saving_a_member_state_unchanged_keeps_every_language(manager, language):
    india = MemberState.objects.get(code="IND")
    before = columns(india, "name", "full_name")
    assert len(set(before.values())) == 6  # the test means something: six different texts
    save_unchanged(manager, f"/{language}/manage/states/{india.pk}/", containing="name_en")
    assert columns(india, "name", "full_name") == before


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_state_added_in_any_language_keeps_each_name(manager, language):
    names = {"name_en": "Ruritania", "name_ru": "Руритания", "name_kk": "Руритания елі",
             "full_name_en": "Kingdom of Ruritania", "full_name_ru": "Королевство Руритания",
             "full_name_kk": "Руритания Корольдігі"}
    response = manager.post(f"/{language}/manage/states/add/",
                            {"code": "RUR", "status": "observer", "is_active": "on", **names})
    assert response.status_code == 302
    assert columns(MemberState.objects.get(code="RUR"), "name", "full_name") == names


@pytest.mark.parametrize("language", LANGUAGES)
def test_saving_a_circulation_list_unchanged_keeps_every_language(manager, language):
    default = CirculationList.objects.get(is_default=True)
    before = columns(default, "name")
    states = set(default.states.values_list("pk", flat=True))
    save_unchanged(manager, f"/{language}/manage/lists/{default.pk}/", containing="name_en")
    assert columns(default, "name") == before
    assert set(default.states.values_list("pk", flat=True)) == states


def test_a_list_created_in_russian_keeps_its_russian_and_kazakh_names(manager):
    kazakhstan = MemberState.objects.get(code="KAZ")
    response = manager.post("/ru/manage/lists/add/", {
        "name_en": "Kazakhstan only", "name_ru": "Только Казахстан",
        "name_kk": "Тек Қазақстан", "states": [str(kazakhstan.pk)],
    })
    assert response.status_code == 302
    created = CirculationList.objects.get(name_en="Kazakhstan only")
    assert columns(created, "name") == {"name_en": "Kazakhstan only",
                                        "name_ru": "Только Казахстан",
                                        "name_kk": "Тек Қазақстан"}


# --- the document editor ---------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_saving_a_note_unchanged_keeps_every_language(client, drafter, language):
    note = make_note(drafter)
    before = columns(note, "title", "opening", "body", "place")
    client.force_login(drafter)
    save_unchanged(client, f"/{language}/work/{note.pk}/edit/", containing="title_en")
    assert columns(note, "title", "opening", "body", "place") == before
    assert note.revision_number == 1  # nothing changed, so no new revision


@pytest.mark.parametrize("language", LANGUAGES)
def test_changing_one_language_of_a_note_leaves_the_others_as_they_were(
    client, drafter, language
):
    note = make_note(drafter)
    before = columns(note, "title", "opening", "body", "place")
    client.force_login(drafter)
    url = f"/{language}/work/{note.pk}/edit/"
    data = form_data(client.get(url).text, containing="title_en")
    data["body_en"] = ["A new English paragraph."]
    assert client.post(url, data).status_code == 302
    assert columns(note, "title", "opening", "body", "place") == {
        **before, "body_en": "A new English paragraph."
    }
    assert note.revision_number == 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_saving_a_letter_unchanged_keeps_every_language(client, drafter, language):
    from cica_docs.documents.kinds import get_kind
    from letters.models import Letter

    response = token_client(drafter).post("/api/v1/letters/", get_kind("letter").example(),
                                          format="json")
    letter = Letter.objects.get(pk=response.json()["id"])
    before = columns(letter, "title", "addressee_block", "body")
    assert len(set(before.values())) == 9
    client.force_login(drafter)
    save_unchanged(client, f"/{language}/work/{letter.pk}/edit/", containing="title_en")
    assert columns(letter, "title", "addressee_block", "body") == before
    assert letter.revision_number == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_saving_a_concept_paper_unchanged_keeps_every_language(client, drafter, language):
    paper = make_concept(drafter, languages=("en", "ru", "kk"))
    paper.refresh_from_db()
    before = columns(paper, "title", "body", "author")
    client.force_login(drafter)
    save_unchanged(client, f"/{language}/work/{paper.pk}/edit/", containing="title_en")
    assert columns(paper, "title", "body", "author") == before
    assert paper.revision_number == 1


# --- Django admin ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("model", "lookup", "fields"),
    [
        (MemberState, {"code": "KAZ"}, ("name", "full_name")),
        (Addressee, {"code": "cica-member-states"}, ("dative", "block")),
        (FormulaSet, {}, FORMULA_FIELDS),
        (Letterhead, {}, LETTERHEAD_FIELDS),
        (Formula, {"code": "excellency"}, ("text",)),
        (Signatory, {"code": "secretary-general"}, ("name", "title")),
    ],
    ids=["member-state", "addressee", "note-formulas", "letterhead", "letter-formula",
         "signatory"],
)
def test_saving_in_django_admin_unchanged_keeps_every_language(
    manager, language, model, lookup, fields
):
    instance = model.objects.filter(**lookup).order_by("pk").first()
    before = columns(instance, *fields)
    assert all(before.values())
    opts = model._meta
    url = f"/{language}/admin/{opts.app_label}/{opts.model_name}/{instance.pk}/change/"
    save_unchanged(manager, url, containing=f"{fields[0]}_en")
    assert columns(instance, *fields) == before


@pytest.mark.parametrize("language", LANGUAGES)
def test_saving_a_series_in_django_admin_unchanged_keeps_it(manager, language):
    series = Series.objects.create(code="NCT/CT", name="Notes to member states",
                                   next_number=274)
    url = f"/{language}/admin/documents/series/{series.pk}/change/"
    save_unchanged(manager, url, containing="code")
    series.refresh_from_db()
    assert (series.code, series.name, series.next_number) == ("NCT/CT",
                                                              "Notes to member states", 274)


# --- the API (its language comes from Accept-Language) -----------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_addressee_created_through_the_api_keeps_each_language(admin_user, language):
    dative = {"en": "the Ministry of Foreign Affairs of Ruritania",
              "ru": "Министерству иностранных дел Руритании",
              "kk": "Руритания Сыртқы істер министрлігіне"}
    block = {"en": "MINISTRY OF FOREIGN AFFAIRS\nOF RURITANIA",
             "ru": "МИНИСТЕРСТВО ИНОСТРАННЫХ ДЕЛ\nРУРИТАНИИ",
             "kk": "РУРИТАНИЯ\nСЫРТҚЫ ІСТЕР МИНИСТРЛІГІ"}
    response = token_client(admin_user).post(
        "/api/v1/addressees/", {"code": "mfa-ruritania", "dative": dative, "block": block},
        format="json", HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 201, response.json()
    created = Addressee.objects.get(code="mfa-ruritania")
    assert columns(created, "dative", "block") == {
        **{f"dative_{code}": text for code, text in dative.items()},
        **{f"block_{code}": text for code, text in block.items()},
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_list_created_through_the_api_keeps_each_language(admin_user, language):
    name = {"en": "Kazakhstan only", "ru": "Только Казахстан", "kk": "Тек Қазақстан"}
    response = token_client(admin_user).post(
        "/api/v1/circulation-lists/",
        {"name": name, "member_states": [MemberState.objects.get(code="KAZ").pk]},
        format="json", HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 201, response.json()
    created = CirculationList.objects.get(pk=response.json()["id"])
    assert columns(created, "name") == {f"name_{code}": text for code, text in name.items()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_note_patched_through_the_api_keeps_the_languages_not_sent(drafter, language):
    note = make_note(drafter)
    before = columns(note, "title", "opening", "body", "place")
    response = token_client(drafter).patch(
        f"/api/v1/notes/{note.pk}/", {"revision": 1, "body": {"ru": "Новый абзац."}},
        format="json", HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200, response.json()
    assert columns(note, "title", "opening", "body", "place") == {
        **before, "body_ru": "Новый абзац."
    }
