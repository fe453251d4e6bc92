"""The termbase's pages: administrators add and change terms in /en/, /ru/ and /kk/, each
language into its own column; bad input is refused with the text kept; the editor's panel
names the terms of a paragraph."""

import pytest

from cica_docs.audit.models import AuditEvent
from cica_docs.termbase.models import Term
from tests.conftest import queries_of

pytestmark = pytest.mark.django_db

TEXTS = {"text_en": "Think Tank Forum", "text_ru": "Форум аналитических центров",
         "text_kk": "Сараптамалық орталықтар форумы"}


def _post(client, url, **data):
    return client.post(url, {"category": "body", "note": "", "is_active": "on", **TEXTS,
                             **data})


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_a_term_added_in_any_interface_language_keeps_every_language(client, admin_user, lang):
    client.force_login(admin_user)
    response = _post(client, f"/{lang}/manage/terms/add/")
    assert response.status_code == 302
    term = Term.objects.get(text_en="Think Tank Forum")
    assert (term.text_en, term.text_ru, term.text_kk) == tuple(TEXTS.values())
    assert "аналитический" in term.forms["ru"][1]  # its forms computed when saved
    assert AuditEvent.objects.filter(action="term.created").count() == 1


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_changing_one_language_in_any_interface_language_leaves_the_others(
    client, admin_user, lang
):
    client.force_login(admin_user)
    _post(client, "/en/manage/terms/add/")
    term = Term.objects.get(text_en="Think Tank Forum")
    response = _post(client, f"/{lang}/manage/terms/{term.pk}/",
                     text_kk="Талдау орталықтарының форумы")
    assert response.status_code == 302
    term.refresh_from_db()
    assert (term.text_en, term.text_ru, term.text_kk) == (
        "Think Tank Forum", "Форум аналитических центров", "Талдау орталықтарының форумы")
    page = client.get(f"/{lang}/manage/terms/{term.pk}/").content.decode()
    assert 'value="Форум аналитических центров"' in page


def test_a_language_left_empty_is_saved_empty_and_not_searched(client, admin_user):
    client.force_login(admin_user)
    _post(client, "/ru/manage/terms/add/", text_kk="")
    term = Term.objects.get(text_en="Think Tank Forum")
    assert term.text_kk == "" and "kk" not in term.forms


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"text_en": ""}, "text_en", "This field is required."),
    ({"text_ru": "<b>Форум</b>"}, "text_ru", "angle brackets"),
    ({"text_kk": "—"}, "text_kk", "at least one word"),
    ({"text_en": "senior officials committee"}, "text_en", "already in the termbase"),
])
def test_bad_input_is_refused_with_the_text_kept(client, admin_user, data, field, message):
    client.force_login(admin_user)
    before = Term.objects.count()
    response = _post(client, "/en/manage/terms/add/", **data)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert Term.objects.count() == before
    kept = next(v for k, v in {**TEXTS, **data}.items() if k != field and v)
    assert kept in response.content.decode()


def test_the_list_shows_the_seeded_terms_in_three_languages(client, admin_user):
    client.force_login(admin_user)
    page = client.get("/en/manage/terms/").content.decode()
    assert "Senior Officials Committee" in page
    assert "Комитет старших должностных лиц" in page
    assert "Аға лауазымды тұлғалар комитеті" in page


def test_the_list_costs_the_same_queries_for_more_terms(client, admin_user):
    from cica_docs.termbase.services import term_save

    client.force_login(admin_user)
    Term.objects.all().delete()
    for n in range(2):
        term_save(texts={"en": f"Term {n}", "ru": f"Термин {n}", "kk": ""}, category="body",
                  by=admin_user)
    few, _ = queries_of(client, "/en/manage/terms/")
    for n in range(2, 20):
        term_save(texts={"en": f"Term {n}", "ru": f"Термин {n}", "kk": ""}, category="body",
                  by=admin_user)
    many, response = queries_of(client, "/en/manage/terms/")
    assert "Term 19" in response.content.decode()
    assert many == few


def test_the_side_panel_names_the_terms_of_a_russian_paragraph(client, drafter):
    client.force_login(drafter)
    response = client.post("/ru/manage/terms/found/", {
        "lang": "ru", "text": "на заседании Специальной рабочей группы 12 марта"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Специальная рабочая группа" in page and "Арнаулы жұмыс тобы" in page
    assert "Special Working Group" in page
    assert "Комитет старших" not in page


def test_the_side_panel_says_when_a_paragraph_has_no_term(client, drafter):
    client.force_login(drafter)
    page = client.post("/en/manage/terms/found/", {"lang": "en", "text": "The agenda."})
    assert "No termbase term in this paragraph." in page.content.decode()


def test_the_side_panel_refuses_an_unknown_language(client, drafter):
    client.force_login(drafter)
    assert client.post("/en/manage/terms/found/", {"lang": "xx", "text": "a"}).status_code == 404


def test_the_editor_has_the_side_panel(client, drafter):
    client.force_login(drafter)
    page = client.get("/en/work/new/note/").content.decode()
    assert 'id="terms-panel"' in page and "/en/manage/terms/found/" in page


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_saving_a_seeded_term_unchanged_keeps_every_language(client, admin_user, lang):
    from tests.html_forms import form_data

    term = Term.objects.get(text_en="Special Working Group")
    before = (term.text_en, term.text_ru, term.text_kk)
    client.force_login(admin_user)
    url = f"/{lang}/manage/terms/{term.pk}/"
    response = client.post(url, form_data(client.get(url).text, containing="text_en"))
    assert response.status_code == 302
    term.refresh_from_db()
    assert (term.text_en, term.text_ru, term.text_kk) == before == (
        "Special Working Group", "Специальная рабочая группа", "Арнаулы жұмыс тобы")
