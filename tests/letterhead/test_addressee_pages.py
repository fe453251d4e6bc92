"""The addressees on the administrators' reference data pages (/<lang>/manage/reference/):
saved in every interface language without touching another language's column, previewed
as the formulas print, refused cleanly (a taken code, a stale save), audited, and never
changing what was issued."""

import pytest

from cica_docs.accounts import roles
from cica_docs.audit.models import AuditEvent
from cica_docs.documents import services
from cica_docs.letterhead.models import Addressee
from tests.conftest import make_user, queries_of
from tests.factories import approved_note
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "kk"]
COLUMNS = ("code", "dative_en", "dative_ru", "dative_kk", "block_en", "block_ru", "block_kk",
           "block_in_capitals")
INDIA = {
    "code": "mfa-india",
    "dative_en": "the Ministry of External Affairs of the Republic of India",
    "dative_ru": "Министерству иностранных дел Республики Индия",
    "dative_kk": "Үндістан Республикасының Сыртқы істер министрлігіне",
    "block_en": "Ministry of External Affairs\nof the Republic of India\nNew Delhi",
    "block_ru": "Министерство иностранных дел\nРеспублики Индия\nг. Нью-Дели",
    "block_kk": "Үндістан Республикасының\nСыртқы істер министрлігі\nНью-Дели қ.",
}


def columns(addressee) -> dict:
    addressee.refresh_from_db()
    return {name: getattr(addressee, name) for name in COLUMNS}


@pytest.fixture
def secretariat_admin(db):
    """A Secretariat administrator as the Secretariat has them: not a superuser."""
    return make_user("secretariat.admin", roles.ADMIN)


@pytest.fixture
def manager(client, secretariat_admin):
    client.force_login(secretariat_admin)
    return client


def edit_url(language, addressee):
    return f"/{language}/manage/reference/addressees/{addressee.pk}/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_saving_an_addressee_unchanged_in_any_language_keeps_every_column(manager, language):
    addressee = Addressee.objects.get(code="cica-member-states")
    before = columns(addressee)
    assert len({before[f"dative_{code}"] for code in LANGUAGES}) == 3
    page = manager.get(edit_url(language, addressee))
    response = manager.post(edit_url(language, addressee),
                            form_data(page.text, containing="code"))
    assert response.status_code == 302, response.text[:3000]
    assert columns(addressee) == before


@pytest.mark.parametrize("language", LANGUAGES)
def test_changing_the_russian_dative_in_any_language_changes_only_that_column(
    manager, language
):
    addressee = Addressee.objects.get(code="cica-member-states")
    before = columns(addressee)
    page = manager.get(edit_url(language, addressee))
    data = form_data(page.text, containing="code")
    data["dative_ru"] = ["государствам — членам СВМДА"]
    assert manager.post(edit_url(language, addressee), data).status_code == 302
    assert columns(addressee) == {**before, "dative_ru": "государствам — членам СВМДА"}
    event = AuditEvent.objects.filter(action="addressee.update").latest("pk")
    assert event.detail["changed"] == ["dative_ru"]
    assert event.detail["before"] == {"dative_ru": before["dative_ru"]}
    assert event.actor.username == "secretariat.admin"


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_addressee_added_in_any_language_keeps_each_language(manager, language):
    response = manager.post(f"/{language}/manage/reference/addressees/add/", INDIA)
    assert response.status_code == 302, response.text[:3000]
    created = Addressee.objects.get(code="mfa-india")
    assert columns(created) == {**INDIA, "block_in_capitals": False}
    assert AuditEvent.objects.filter(action="addressee.create",
                                     target_id=str(created.pk)).exists()


def test_a_taken_code_is_refused_with_the_text_kept_and_nothing_saved(manager):
    count = Addressee.objects.count()
    response = manager.post("/ru/manage/reference/addressees/add/",
                            {**INDIA, "code": "cica-member-states"})
    assert response.status_code == 200
    assert "Этот код уже есть у другого адресата." in response.text
    assert INDIA["dative_kk"] in response.text  # what was typed is still in the form
    assert Addressee.objects.count() == count


def test_an_empty_language_is_refused_naming_the_field(manager):
    response = manager.post("/en/manage/reference/addressees/add/", {**INDIA, "dative_kk": ""})
    assert response.status_code == 200
    assert not Addressee.objects.filter(code="mfa-india").exists()
    assert 'name="dative_kk"' in response.text and "is-invalid" in response.text
    assert INDIA["block_ru"].split("\n")[0] in response.text


def test_a_second_administrator_saving_over_the_first_is_told_and_saves_nothing(
    manager, secretariat_admin
):
    addressee = Addressee.objects.get(code="cica-member-states")
    page = manager.get(edit_url("en", addressee))
    mine = form_data(page.text, containing="code")
    # Meanwhile a colleague saves the English dative.
    colleague = make_user("colleague", roles.ADMIN)
    from django.test import Client
    other = Client()
    other.force_login(colleague)
    theirs = form_data(other.get(edit_url("en", addressee)).text, containing="code")
    theirs["dative_en"] = ["the Member States of CICA"]
    assert other.post(edit_url("en", addressee), theirs).status_code == 302
    before = columns(addressee)

    mine["dative_en"] = ["the CICA member States"]
    response = manager.post(edit_url("en", addressee), mine)
    assert response.status_code == 200
    assert "Someone else saved this record after you opened it" in response.text
    assert "the CICA member States" in response.text  # mine, kept in the form
    assert "Saved meanwhile:" in response.text and "the Member States of CICA" in response.text
    assert columns(addressee) == before
    # Having seen theirs, saving again keeps mine (the page now carries the new version).
    again = form_data(response.text, containing="code")
    assert manager.post(edit_url("en", addressee), again).status_code == 302
    assert columns(addressee)["dative_en"] == "the CICA member States"


def test_the_live_preview_shows_the_formulas_with_the_addressee_as_typed(manager):
    addressee = Addressee.objects.get(code="cica-member-states")
    response = manager.post("/ru/manage/reference/addressees/preview/",
                            {**INDIA, "pk": addressee.pk})
    assert response.status_code == 200
    text = response.text
    assert ("has the honour" in text and
            "presents its compliments to the Ministry of External Affairs of the Republic "
            "of India and" in text)
    assert "свидетельствует свое уважение Министерству иностранных дел Республики Индия" in text
    assert "Үндістан Республикасының Сыртқы істер министрлігіне өзінің зор ілтипатын" in text
    assert columns(addressee)["dative_en"] == "the CICA Member States"  # nothing saved


def test_the_page_says_issued_documents_stay_as_issued_and_they_do(
    manager, drafter, reviewer, registrar
):
    from cica_docs.issuing.models import RenderedFile
    from tests.factories import pdfs_stored

    addressee = Addressee.objects.get(code="cica-member-states")
    note = approved_note(drafter, reviewer)
    services.document_issue(document=note, by=registrar, acknowledge_warnings=True)
    pdfs_stored(note)
    stored = sorted(RenderedFile.objects.filter(document=note).values_list("sha256", flat=True))
    page = manager.get(edit_url("en", addressee))
    assert "1 issued document is addressed to it. It stays exactly as it was issued" in page.text
    data = form_data(page.text, containing="code")
    data["dative_en"] = ["the Member States of CICA"]
    assert manager.post(edit_url("en", addressee), data).status_code == 302
    assert sorted(RenderedFile.objects.filter(document=note).values_list(
        "sha256", flat=True)) == stored


def test_a_change_that_would_reach_an_issued_note_waiting_for_its_pdfs_is_refused(
    manager, drafter, reviewer, registrar
):
    addressee = Addressee.objects.get(code="cica-member-states")
    note = approved_note(drafter, reviewer)
    services.document_issue(document=note, by=registrar, acknowledge_warnings=True)  # no PDFs yet
    before = columns(addressee)
    data = form_data(manager.get(edit_url("en", addressee)).text, containing="code")
    data["dative_en"] = ["the Member States of CICA"]
    response = manager.post(edit_url("en", addressee), data)
    assert response.status_code == 200
    assert "1 issued document that prints this is still waiting for its PDFs" in response.text
    assert columns(addressee) == before
    assert "the Member States of CICA" in response.text


def test_the_addressee_list_costs_the_same_queries_for_two_or_eight(manager):
    for n in range(2):
        Addressee.objects.create(code=f"a{n}", **{k: f"{v} {n}" for k, v in INDIA.items()
                                                  if k != "code"})
    few, page = queries_of(manager, "/kk/manage/reference/addressees/")
    rows = page.text.count('class="addressee-row"')
    for n in range(2, 8):
        Addressee.objects.create(code=f"a{n}", **{k: f"{v} {n}" for k, v in INDIA.items()
                                                  if k != "code"})
    many, page = queries_of(manager, "/kk/manage/reference/addressees/")
    assert page.text.count('class="addressee-row"') == rows + 6
    assert many == few


def test_a_registrar_cannot_reach_the_addressees(client, registrar):
    client.force_login(registrar)
    assert client.get("/en/manage/reference/addressees/").status_code == 403
    assert client.post("/en/manage/reference/addressees/add/", INDIA).status_code == 403
    assert not Addressee.objects.filter(code="mfa-india").exists()
