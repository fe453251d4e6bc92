"""Formula and letterhead texts: only known placeholders, a preview before saving, and no
issue with formulas that cannot be assembled."""

import pytest
from django.core.exceptions import ValidationError

from cica_docs.documents import services
from cica_docs.documents.checks import run_checks
from cica_docs.letterhead.models import Letterhead
from notes.models import FormulaSet
from tests.conftest import reauthenticate
from tests.factories import approved_note

pytestmark = pytest.mark.django_db

ADMIN_URL = "/en/admin/notes/formulaset/{pk}/change/"


def test_an_unknown_placeholder_is_refused_by_the_model():
    formulas = FormulaSet.current()
    formulas.closing_template_kk = formulas.closing_template_kk.replace(
        "{addressee}", "{adressee}")
    with pytest.raises(ValidationError) as refused:
        formulas.full_clean()
    assert list(refused.value.message_dict) == ["closing_template_kk"]
    assert "{adressee}" in refused.value.message_dict["closing_template_kk"][0]


@pytest.mark.parametrize("field, text, message", [
    ("opening_template_en", "{sender} presents its compliments to {addressee}",
     "The placeholder {text} is missing."),
    ("enclosure_template_ru", "Приложение: упомянутое, на {pages л.", "is not closed"),
    ("letterhead_en", "SECRETARIAT {sender}", "this text takes none"),
])
def test_missing_placeholders_stray_braces_and_placeholders_in_plain_texts_are_refused(
    field, text, message
):
    model = Letterhead if field.startswith(("letterhead", "enclosure")) else FormulaSet
    formulas = model.current()
    setattr(formulas, field, text)
    with pytest.raises(ValidationError) as refused:
        formulas.full_clean()
    assert message in " ".join(refused.value.message_dict[field])


def _admin_data(response, **changes):
    form = response.context["adminform"].form
    data = {name: ("" if value is None else value) for name, value in form.initial.items()
            if name in form.fields and name != "emblem"}
    data.update(changes)
    return data


def test_the_admin_refuses_a_typo_in_a_formula(client, admin_user):
    formulas = FormulaSet.current()
    client.force_login(admin_user)
    url = ADMIN_URL.format(pk=formulas.pk)
    page = client.get(url)
    typo = formulas.closing_template_en.replace("{addressee}", "{adressee}")
    response = client.post(url, _admin_data(page, closing_template_en=typo))
    assert response.status_code == 200
    assert "“{adressee}” is not a placeholder here" in response.text
    formulas.refresh_from_db()
    assert "{adressee}" not in formulas.closing_template_en


def test_the_admin_previews_the_assembled_formulas_in_each_language_without_saving(
    client, admin_user
):
    formulas = FormulaSet.current()
    client.force_login(admin_user)
    url = ADMIN_URL.format(pk=formulas.pk)
    page = client.get(url)
    assert page.text.count('id="id_closing_template_kk"') == 1  # each language's field once
    # The saved formulas are shown assembled, with the sample addressee.
    assert "presents its compliments to the CICA Member States and has the honour to" \
        in page.text
    changed = formulas.closing_template_ru.replace("весьма высоком", "высочайшем")
    response = client.post(url, _admin_data(page, closing_template_ru=changed,
                                            _preview="Preview"))
    assert response.status_code == 200
    assert "Preview only: nothing is saved yet." in response.text
    assert "возобновить государствам-членам СВМДА уверения в своем высочайшем уважении." \
        in response.text
    assert "Азия Кеңесіне мүше мемлекеттерге өзінің зор ілтипатын білдіреді және" \
        in response.text
    assert "Please correct the error" not in response.text
    formulas.refresh_from_db()
    assert "весьма высоком" in formulas.closing_template_ru


def test_a_note_whose_formulas_cannot_be_assembled_cannot_be_issued(
    drafter, reviewer, registrar
):
    note = approved_note(drafter, reviewer)
    # Formulas written around the admin (an old row, a script): the check still sees it.
    FormulaSet.objects.filter(pk=FormulaSet.current().pk).update(
        closing_template_kk="{sender_short} осы мүмкіндікті пайдалана отырып, {adressee} "
                            "өзінің зор ілтипатын тағы да растайды.")
    found = [f for f in run_checks(note) if f.code == "formulas_broken"]
    assert [(f.language, f.is_error) for f in found] == [("kk", True)]
    assert "{adressee}" in str(found[0].message)
    with pytest.raises(services.ChecksFailed):
        services.document_issue(document=note, by=registrar, acknowledge_warnings=True)
    note.refresh_from_db()
    assert note.state == "approved" and note.number is None


def test_the_issue_page_says_why_the_formulas_block_it(client, drafter, reviewer, registrar):
    note = approved_note(drafter, reviewer)
    Letterhead.objects.filter(pk=Letterhead.current().pk).update(place_ru="")
    client.force_login(registrar)
    reauthenticate(client)
    response = client.post(f"/en/work/{note.pk}/issue/", {"acknowledge_warnings": "on"},
                           follow=True)
    assert "The document has errors to correct first." in response.text
    assert "Place is empty" in response.text
    note.refresh_from_db()
    assert note.state == "approved"
