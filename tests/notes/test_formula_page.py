"""The note's formulas on the administrators' reference data pages (plugged in by the note
kind): kept per language, refused with the reason when a placeholder is unknown, previewed
live and as a PDF before saving."""

import pytest

from cica_docs.accounts import roles
from cica_docs.audit.models import AuditEvent
from notes.models import FormulaSet
from tests.conftest import make_user
from tests.html_forms import form_data
from tests.rendering.conftest import pdftotext

pytestmark = pytest.mark.django_db

URL = "/{}/manage/reference/note/formulas/"
COLUMNS = tuple(f"{name}_{code}" for name in ("opening_template", "closing_template")
                for code in ("en", "ru", "kk"))


def columns() -> dict:
    current = FormulaSet.current()
    return {name: getattr(current, name) for name in COLUMNS}


@pytest.fixture
def manager(client, db):
    client.force_login(make_user("secretariat.admin", roles.ADMIN))
    return client


def page_data(client, language="en"):
    return form_data(client.get(URL.format(language)).text, containing="opening_template_en")


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_saving_the_formulas_in_any_language_changes_only_the_column_edited(manager, language):
    before = columns()
    assert len(set(before.values())) == 6
    data = page_data(manager, language)
    closing = before["closing_template_kk"].replace("тағы да", "тағы")
    data["closing_template_kk"] = [closing]
    assert manager.post(URL.format(language), data).status_code == 302
    assert columns() == {**before, "closing_template_kk": closing}
    event = AuditEvent.objects.filter(action="note_formulas.update").latest("pk")
    assert event.detail["changed"] == ["closing_template_kk"]


def test_a_misspelt_placeholder_is_refused_with_the_text_kept_and_nothing_saved(manager):
    before = columns()
    data = page_data(manager, "ru")
    typo = "{sender_short} avails itself of this opportunity to renew to {adressee} the " \
           "assurances of its highest consideration."
    data["closing_template_en"] = [typo]
    response = manager.post(URL.format("ru"), data)
    assert response.status_code == 200
    assert "«{adressee}» — не подстановочное поле этого текста; используйте {sender_short}, " \
           "{addressee}." in response.text
    assert typo in response.text
    assert columns() == before


def test_the_live_preview_assembles_the_formulas_as_typed(manager):
    data = page_data(manager)
    data["opening_template_en"] = ["{sender} greets {addressee} and has the pleasure to {text}"]
    response = manager.post("/en/manage/reference/note/formulas/preview/", data)
    assert response.status_code == 200
    assert ("The Secretariat of the Conference on Interaction and Confidence Building Measures "
            "in Asia (CICA) greets the CICA Member States and has the pleasure to "
            "[the drafter&#x27;s words]") in response.text
    data["opening_template_en"] = ["{sender} greets {adressee} and {text}"]
    response = manager.post("/en/manage/reference/note/formulas/preview/", data)
    assert "“{adressee}” is not a placeholder here" in response.text


def test_the_pdf_preview_prints_the_formulas_as_typed_and_saves_nothing(manager):
    before = columns()
    data = page_data(manager)
    data["closing_template_ru"] = ["{sender_short} пользуется случаем, чтобы вновь "
                                   "засвидетельствовать {addressee} свое уважение."]
    data["_pdf"] = ["1"]
    response = manager.post(URL.format("en"), data)
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdftotext(response.content).split())
    assert "чтобы вновь засвидетельствовать государствам-членам СВМДА свое уважение" in text
    assert columns() == before
