"""Corrections: what was issued never changes; a correction is a new document, with the text
that was issued, that points to the one it corrects and gets its own number (SECURITY.md 3)."""

import pytest

from cica_docs.documents import services
from cica_docs.documents.models import Document
from tests.api.conftest import token_client
from tests.factories import approved_concept, approved_note, correction_issued, make_note

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued_note(drafter, reviewer, registrar):
    note = approved_note(drafter, reviewer)
    services.document_issue(document=note, by=registrar, acknowledge_warnings=True)
    note.refresh_from_db()
    return note


def _frozen_facts(document):
    document.refresh_from_db()
    return (document.state, document.number, document.revision_number,
            document.revisions.count(), document.issued.revision_id)


def test_a_correction_is_a_new_draft_with_the_issued_text_and_the_original_is_untouched(
    issued_note, drafter
):
    before = _frozen_facts(issued_note)
    correction, left_out = services.document_correct(document=issued_note, by=drafter)
    assert left_out == []
    assert correction.pk != issued_note.pk and correction.corrects_id == issued_note.pk
    assert correction.state == Document.State.DRAFT and correction.number is None
    assert correction.body_ru == issued_note.body_ru and correction.opening_kk == (
        issued_note.opening_kk)
    first = correction.revisions.get()
    assert first.content == issued_note.issued.revision.content
    assert first.comment == f"Correction of № {issued_note.symbol}"
    assert _frozen_facts(issued_note) == before


def test_the_correction_gets_its_own_next_number(issued_note, drafter, reviewer, registrar):
    correction = correction_issued(issued_note, drafter=drafter, reviewer=reviewer,
                                   registrar=registrar)
    issued_note.refresh_from_db()
    assert correction.number == issued_note.number + 1
    assert correction.series_id == issued_note.series_id


def test_asking_again_while_a_correction_is_prepared_returns_it(
    issued_note, drafter, reviewer, registrar
):
    first, _ = services.document_correct(document=issued_note, by=drafter)
    again, _ = services.document_correct(document=issued_note, by=drafter)
    assert again.pk == first.pk and issued_note.corrections.count() == 1
    issued_first = correction_issued(issued_note, drafter=drafter, reviewer=reviewer,
                                     registrar=registrar)  # takes the one being prepared
    assert issued_first.pk == first.pk and issued_first.state == "issued"
    second, _ = services.document_correct(document=issued_note, by=drafter)
    assert second.pk != first.pk and issued_note.corrections.count() == 2


def test_a_withdrawn_document_can_be_corrected_too(issued_note, drafter, registrar):
    services.document_transition(document=issued_note, action="withdraw", by=registrar,
                                 comment="Wrong date of the meeting")
    correction, _ = services.document_correct(document=issued_note, by=drafter)
    assert correction.corrects_id == issued_note.pk


def test_a_draft_is_edited_not_corrected_and_only_drafters_correct(drafter, reviewer,
                                                                     issued_note):
    draft = make_note(drafter)
    with pytest.raises(services.TransitionNotAllowed, match="can still be edited"):
        services.document_correct(document=draft, by=drafter)
    with pytest.raises(services.TransitionNotAllowed, match="role"):
        services.document_correct(document=issued_note, by=reviewer)
    assert Document.objects.filter(corrects__isnull=False).count() == 0


def test_an_enclosure_withdrawn_since_is_left_out_and_said(drafter, reviewer, registrar):
    paper = approved_concept(drafter, reviewer)
    note = approved_note(drafter, reviewer, enclosures=[paper.pk])
    services.document_issue(document=paper, by=registrar, acknowledge_warnings=True)
    services.document_issue(document=note, by=registrar, acknowledge_warnings=True)
    services.document_transition(document=paper, action="withdraw", by=registrar,
                                 comment="Superseded")
    correction, left_out = services.document_correct(document=note, by=drafter)
    assert correction.enclosures.count() == 0
    assert len(left_out) == 1 and "withdrawn" in left_out[0]


def test_the_pages_link_the_two_documents_both_ways(client, drafter, issued_note):
    client.force_login(drafter)
    original_page = client.get(f"/en/work/{issued_note.pk}/").text
    assert "Prepare a correction" in original_page
    response = client.post(f"/en/work/{issued_note.pk}/correct/")
    correction = issued_note.corrections.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/work/{correction.pk}/edit/"
    assert f'href="/en/work/{issued_note.pk}/"' in client.get(f"/en/work/{correction.pk}/").text
    original_page = client.get(f"/en/work/{issued_note.pk}/").text
    assert f'href="/en/work/{correction.pk}/"' in original_page
    assert "Go to the correction being prepared" in original_page
    assert f"Correction of № {issued_note.symbol}" in client.get("/en/work/").text
    client.post(f"/en/work/{issued_note.pk}/correct/")  # a second click: the same draft
    assert issued_note.corrections.count() == 1


def test_the_api_starts_a_correction_then_answers_the_same_one(drafter, issued_note):
    api = token_client(drafter)
    created = api.post(f"/api/v1/notes/{issued_note.pk}/correct/")
    assert created.status_code == 201, created.content
    assert created.json()["corrects"] == issued_note.pk
    assert created.json()["status"] == "draft" and created.json()["number"] is None
    again = api.post(f"/api/v1/notes/{issued_note.pk}/correct/")
    assert again.status_code == 200 and again.json()["id"] == created.json()["id"]
    draft = make_note(drafter)
    refused = api.post(f"/api/v1/notes/{draft.pk}/correct/")
    assert refused.status_code == 409 and "can still be edited" in refused.json()["detail"]
