"""Two people edit the same revision: the second save is merged three-way with the first,
per field and language, and never removes a change its author did not make."""

import pytest

from cica_docs.documents import services
from cica_docs.documents.merge import ALIKE, THEIRS, YOURS, content_merge
from cica_docs.letterhead.models import Addressee
from notes.models import Note
from tests.factories import REFERENCE, make_note, note_content

from ..api.conftest import token_client
from .test_views import form_data

pytestmark = pytest.mark.django_db


def _content(**changes):
    content = note_content()
    for key, value in changes.items():
        if key in content["plain"] or key in ("languages", "series"):
            (content["plain"] if key in content["plain"] else content)[key] = value
            continue
        field, _, lang = key.rpartition("_")
        (content["title"] if field == "title" else content["fields"][field])[lang] = value
    return content


def test_a_language_only_one_side_changed_keeps_that_change():
    base = _content()
    theirs = _content(body_en="Their English.")
    yours = _content(body_ru="Мой русский текст.")
    merge = content_merge(base=base, theirs=theirs, yours=yours)
    assert merge.content["fields"]["body"]["en"] == "Their English."
    assert merge.content["fields"]["body"]["ru"] == "Мой русский текст."
    assert {(p.key, p.outcome) for p in merge.pieces} == {("body_en", THEIRS),
                                                          ("body_ru", YOURS)}
    assert merge.conflicts == []


def test_the_same_language_changed_differently_by_both_is_a_conflict():
    merge = content_merge(base=_content(), theirs=_content(body_en="Theirs."),
                          yours=_content(body_en="Mine."))
    assert [(p.key, p.base, p.theirs, p.yours) for p in merge.conflicts] == [
        ("body_en", REFERENCE["body"]["en"], "Theirs.", "Mine.")]
    assert merge.conflicts[0].api_name == "body.en"


def test_the_same_change_made_by_both_is_no_conflict():
    merge = content_merge(base=_content(), theirs=_content(title_kk="Жаңа"),
                          yours=_content(title_kk="Жаңа"))
    assert [(p.key, p.outcome) for p in merge.pieces] == [("title_kk", ALIKE)]


def test_plain_fields_merge_the_same_way(drafter):
    other = Addressee.objects.create(code="mfa-india", dative_en="the Ministry",
                                     dative_ru="Министерству", dative_kk="Министрлігіне",
                                     block_en="Ministry", block_ru="Министерство",
                                     block_kk="Министрлігі")
    merge = content_merge(base=_content(), theirs=_content(addressee=other.pk),
                          yours=_content(closing=False, languages=["en", "ru"]))
    plain = merge.content["plain"]
    assert (plain["addressee"], plain["closing"]) == (other.pk, False)
    assert plain["print_subject"] is False  # a field neither side changed stays as it was
    assert merge.content["languages"] == ["en", "ru"]
    both = content_merge(base=_content(), theirs=_content(closing=False),
                         yours=_content(addressee=other.pk, closing=True))
    assert [p.key for p in both.pieces if p.outcome == THEIRS] == ["closing"]
    assert both.content["plain"]["closing"] is False


def test_the_service_refuses_a_stale_save_and_offers_the_merge(drafter):
    note = make_note(drafter)
    services.revision_create(document=note, author=drafter, base_revision=1,
                             content=_content(body_en="First edit."))
    with pytest.raises(services.StaleRevision) as stale:
        services.revision_create(document=note, author=drafter, base_revision=1,
                                 content=_content(body_ru="Вторая правка."))
    assert stale.value.latest.number == 2
    assert stale.value.merge.content["fields"]["body"]["en"] == "First edit."
    assert note.revisions.count() == 2


def test_with_merge_the_service_saves_both_changes(drafter):
    note = make_note(drafter)
    services.revision_create(document=note, author=drafter, base_revision=1,
                             content=_content(body_en="First edit."))
    revision = services.revision_create(document=note, author=drafter, base_revision=1,
                                        content=_content(body_ru="Вторая правка."), merge=True)
    note.refresh_from_db()
    assert (revision.number, note.body_en, note.body_ru) == (3, "First edit.", "Вторая правка.")
    assert revision.comment == "Merged with revision 2"


# --- the browser editor ------------------------------------------------------------------


def test_after_a_conflict_the_form_holds_their_change_and_saving_keeps_both(client, drafter):
    note = make_note(drafter)
    client.force_login(drafter)
    url = f"/en/work/{note.pk}/edit/"
    client.post(url, form_data(base_revision=1, body_en="Their English change."))
    page = client.post(url, form_data(base_revision=1, body_ru="Моя русская правка."))
    assert page.status_code == 200 and "Not saved." in page.text
    form = page.context["form"]
    assert form["body_en"].value() == "Their English change."
    assert form["body_ru"].value() == "Моя русская правка."
    assert form["base_revision"].value() == 2
    assert 'id="merge-body_en"' in page.text and 'id="merge-body_ru"' in page.text
    # Saving the form as shown (the person only presses Save again).
    data = form_data(base_revision=2, body_en="Their English change.",
                     body_ru="Моя русская правка.", merged_from=1)
    client.post(url, data)
    note = Note.objects.get(pk=note.pk)
    assert (note.revision_number, note.body_en, note.body_ru) == (
        3, "Their English change.", "Моя русская правка.")


def test_a_conflict_is_saved_only_once_the_person_chooses(client, drafter):
    note = make_note(drafter)
    client.force_login(drafter)
    url = f"/en/work/{note.pk}/edit/"
    client.post(url, form_data(base_revision=1, body_en="Theirs.", body_ru="Их правка."))
    page = client.post(url, form_data(base_revision=1, body_en="Mine."))
    assert "Changed by both of you: choose" in page.text
    assert page.context["form"]["body_en"].value() == "Mine."
    resolution = form_data(base_revision=2, body_en="Mine.", body_ru="Их правка.",
                           merged_from=1, conflict="body_en")
    undecided = client.post(url, resolution)
    assert "Choose which version to keep." in undecided.text
    assert 'id="merge-body_en"' in undecided.text  # the conflict is still shown
    assert Note.objects.get(pk=note.pk).revision_number == 2
    client.post(url, {**resolution, "resolve_body_en": "theirs"})
    note = Note.objects.get(pk=note.pk)
    assert (note.revision_number, note.body_en, note.body_ru) == (2, "Theirs.", "Их правка.")
    client.post(url, {**resolution, "resolve_body_en": "mine"})
    note = Note.objects.get(pk=note.pk)
    assert (note.revision_number, note.body_en, note.body_ru) == (3, "Mine.", "Их правка.")


# --- the API ----------------------------------------------------------------------------


def test_a_stale_patch_of_another_field_is_merged_and_saved(drafter):
    note = make_note(drafter)
    client = token_client(drafter)
    url = f"/api/v1/notes/{note.pk}/"
    assert client.patch(url, {"revision": 1, "body": {"en": "First edit."}},
                        format="json").status_code == 200
    merged = client.patch(url, {"revision": 1, "body": {"ru": "Вторая правка."}},
                          format="json")
    assert merged.status_code == 200
    assert merged.json()["revision"] == 3
    assert merged.json()["body"]["en"] == "First edit."
    assert merged.json()["body"]["ru"] == "Вторая правка."


def test_a_stale_patch_of_the_same_field_names_the_conflict_and_saves_nothing(drafter):
    note = make_note(drafter)
    client = token_client(drafter)
    url = f"/api/v1/notes/{note.pk}/"
    client.patch(url, {"revision": 1, "body": {"en": "First edit."}}, format="json")
    refused = client.patch(url, {"revision": 1, "body": {"en": "Overwrites?", "ru": "Да."}},
                           format="json")
    assert refused.status_code == 409
    body = refused.json()
    assert list(body["errors"]) == ["body.en"] and body["revision"] == 2
    assert body["conflicts"] == [{"field": "body.en", "base": REFERENCE["body"]["en"],
                                  "theirs": "First edit.", "yours": "Overwrites?"}]
    note.refresh_from_db()
    assert (note.revision_number, note.body_en) == (2, "First edit.")
