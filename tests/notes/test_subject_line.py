"""A note may print its subject (its title) under the number, in each language's form
(the UNODA circular note: "SUBJECT: …"); off by default. The print HTML is what the PDF is
made from (tests/notes/test_editor_defaults.py shows the two read alike)."""

import pytest

from cica_docs.documents.kinds import get_kind
from cica_docs.rendering.screen import language_of
from notes.models import Note
from tests.api.conftest import token_client
from tests.factories import REFERENCE, make_note
from tests.html_forms import form_data
from tests.preview import page_text

pytestmark = pytest.mark.django_db

SUBJECTS = {
    "en": "SUBJECT: Establishment of relations with the UNOCT",
    "ru": "Тема: Установление отношений с КТК ООН",
    "kk": "Тақырыбы: БҰҰ ТҚК-мен қарым-қатынас орнату",
}


def _parts_text(note) -> dict[str, str]:
    """The text of each language copy as it prints."""
    return {language_of(part.html): page_text(part.html)
            for part in get_kind("note").print_parts(note)}


def _titled(drafter, **plain):
    note = make_note(drafter, **{f"title_{lang}": text.partition(": ")[2]
                                 for lang, text in SUBJECTS.items()})
    Note.objects.filter(pk=note.pk).update(**plain)
    return Note.objects.get(pk=note.pk)


def test_a_note_prints_no_subject_line_unless_asked(drafter):
    printed = _parts_text(_titled(drafter))
    for lang, subject in SUBJECTS.items():
        assert subject.partition(": ")[2] not in printed[lang]


def test_the_subject_line_prints_under_the_number_in_each_language(drafter):
    printed = _parts_text(_titled(drafter, print_subject=True))
    for lang, subject in SUBJECTS.items():
        _number, _sep, rest = printed[lang].partition("№ ___ ")
        assert rest.startswith(subject + " "), (lang, rest[:120])


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_editor_saves_the_subject_choice_in_any_interface_language(
    client, drafter, language
):
    note = make_note(drafter)
    client.force_login(drafter)
    url = f"/{language}/work/{note.pk}/edit/"
    data = form_data(client.get(url).text, containing="title_en")
    assert "print_subject" not in data  # off by default
    data["print_subject"] = ["on"]
    assert client.post(url, data).status_code == 302
    note.refresh_from_db()
    assert note.print_subject is True and note.revision_number == 2
    assert note.title_ru == REFERENCE["title"]["ru"]


def test_the_api_reads_and_writes_the_subject_choice(drafter):
    api = token_client(drafter)
    created = api.post("/api/v1/notes/", {
        "addressee": "cica-member-states", "title": {"en": "Call for nominations"},
        "opening": {"en": "invite nominations."}, "print_subject": True,
    }, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["print_subject"] is True
    note = Note.objects.get()
    assert note.print_subject is True
    assert "SUBJECT: Call for nominations" in _parts_text(note)["en"]
    assert api.get(f"/api/v1/notes/{note.pk}/").json()["print_subject"] is True
