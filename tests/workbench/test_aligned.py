"""The aligned view: highlights, saving a block through the platform's save path (in every
interface language), refusals that keep the text, unpaired marks and the count check."""

import re

import pytest

from cica_docs.documents import services
from cica_docs.documents.checks import run_checks
from cica_docs.documents.models import Revision
from cica_docs.workbench.models import Unpaired
from tests.factories import make_note, note_content

pytestmark = pytest.mark.django_db

BODIES = {
    "body_en": "The agenda is enclosed.\n\nThe meeting opens at 10:00.\n\nLunch is offered.",
    "body_ru": "Повестка дня прилагается.\n\nЗаседание открывается в 10:00.\n\nПредлагается обед.",
    "body_kk": "Күн тәртібі қоса беріледі.\n\nОтырыс 10:00-де ашылады.\n\nТүскі ас беріледі.",
}


def _note(drafter, **changes):
    note = make_note(drafter, **BODIES)
    if changes:
        services.revision_create(document=note, author=drafter, base_revision=1,
                                 content=note_content(**{**BODIES, **changes}))
    note.refresh_from_db()
    return note


def _cell_classes(html, name):
    match = re.search(rf'<td lang="\w+" id="cell-{name}" class="([^"]*)"', html)
    assert match, name
    return match.group(1)


def test_a_changed_english_paragraph_is_highlighted_in_russian_and_kazakh(client, drafter):
    note = _note(drafter, body_en=BODIES["body_en"].replace("10:00", "11:00"))
    client.force_login(drafter)
    html = client.get(f"/en/workbench/{note.pk}/").content.decode()
    assert "changed" in _cell_classes(html, "body__ru__1")
    assert "changed" in _cell_classes(html, "body__kk__1")
    assert "changed" not in _cell_classes(html, "body__en__1")
    assert "changed" not in _cell_classes(html, "body__ru__0")
    assert "changed" not in _cell_classes(html, "body__ru__2")


@pytest.mark.parametrize("interface", ["en", "ru", "kk"])
def test_saving_one_paragraph_makes_a_revision_and_leaves_the_rest_as_typed(
        client, drafter, interface):
    note = _note(drafter)
    client.force_login(drafter)
    response = client.post(f"/{interface}/workbench/{note.pk}/", {
        "base_revision": "1", "body__ru__1": "Заседание открывается в 11:00.",
        "body__en__1": "The meeting opens at 10:00.", "comment": "Время",
    })
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.revision_number == 2
    assert note.body_ru == BODIES["body_ru"].replace("10:00", "11:00")
    assert (note.body_en, note.body_kk) == (BODIES["body_en"], BODIES["body_kk"])
    assert (note.title_en, note.title_ru, note.title_kk) == (
        "Concept Paper on relations with the UN Office of Counter-Terrorism",
        "Концепция отношений с Контртеррористическим управлением ООН",
        "БҰҰ Терроризмге қарсы басқармасымен қатынастар тұжырымдамасы")
    revision = Revision.objects.get(document=note, number=2)
    assert revision.changed_languages == ["ru"] and revision.comment == "Время"


def test_a_save_over_someone_elses_change_to_the_same_paragraph_keeps_the_typed_text(
        client, drafter):
    note = _note(drafter)
    services.revision_create(document=note, author=drafter, base_revision=1,
                             content=note_content(**{**BODIES, "body_ru": BODIES["body_ru"]
                                                     .replace("10:00", "09:30")}))
    client.force_login(drafter)
    response = client.post(f"/en/workbench/{note.pk}/", {
        "base_revision": "1", "body__ru__1": "Заседание открывается в 11:00."})
    html = response.content.decode()
    assert response.status_code == 200 and "Not saved." in html
    assert "Заседание открывается в 11:00." in html
    note.refresh_from_db()
    assert note.revision_number == 2 and "09:30" in note.body_ru


def test_a_save_over_a_change_to_another_paragraph_is_merged(client, drafter):
    note = _note(drafter)
    services.revision_create(document=note, author=drafter, base_revision=1,
                             content=note_content(**{**BODIES, "body_en": BODIES["body_en"]
                                                     .replace("Lunch", "A lunch")}))
    client.force_login(drafter)
    client.post(f"/en/workbench/{note.pk}/", {
        "base_revision": "1", "body__ru__1": "Заседание открывается в 11:00."})
    note.refresh_from_db()
    assert note.revision_number == 3
    assert "A lunch" in note.body_en and "11:00" in note.body_ru


def test_bad_input_is_refused_with_the_text_kept_and_nothing_saved(client, drafter):
    note = _note(drafter)
    client.force_login(drafter)
    response = client.post(f"/en/workbench/{note.pk}/", {
        "base_revision": "1", "body__kk__1": "Отырыс \u202e10:00-де ашылады."})
    html = response.content.decode()
    assert response.status_code == 400 and "right-to-left control" in html
    assert "Отырыс \u202e10:00-де ашылады." in html
    note.refresh_from_db()
    assert note.revision_number == 1


def test_a_base_revision_that_is_not_the_documents_is_refused_not_a_500(client, drafter):
    note = _note(drafter)
    client.force_login(drafter)
    response = client.post(f"/en/workbench/{note.pk}/", {"base_revision": "x9",
                                                          "body__kk__1": "Жаңа."})
    assert response.status_code == 400 and "Жаңа." in response.content.decode()


def test_a_paragraph_count_that_differs_is_warned_until_it_is_marked_unpaired(client, drafter):
    note = _note(drafter, body_ru=BODIES["body_ru"] + "\n\nДобавленный абзац.")
    codes = [(f.code, f.language) for f in run_checks(note)]
    assert ("block_count_differs", "ru") in codes and ("block_count_differs", "kk") not in codes
    client.force_login(drafter)
    client.post(f"/en/workbench/{note.pk}/unpaired/", {"block": "body__ru__3"})
    assert Unpaired.objects.get().excerpt == "Добавленный абзац."
    assert "block_count_differs" not in [f.code for f in run_checks(note)]
    html = client.get(f"/en/workbench/{note.pk}/").content.decode()
    assert "no counterpart" in html


def test_headings_are_counted_apart_from_paragraphs(drafter):
    note = _note(drafter, body_kk="# Кіріспе\n\n" + BODIES["body_kk"].rsplit("\n\n", 1)[0])
    found = [f for f in run_checks(note) if f.code == "block_count_differs"]
    assert [f.language for f in found] == ["kk"]
    assert "2 paragraphs, 1 heading here, 3 paragraphs in the EN text" in str(found[0].message)


def test_a_delegate_or_outsider_cannot_open_the_aligned_view(client, drafter, outsider):
    note = _note(drafter)
    client.force_login(outsider)
    assert client.get(f"/en/workbench/{note.pk}/").status_code == 403
