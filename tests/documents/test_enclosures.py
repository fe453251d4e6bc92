"""Concept papers enclosed in notes: part of the note's content, validated, checked."""

import re

import pytest

from cica_docs.documents import services
from cica_docs.documents.content import snapshot
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.models import Document, Enclosure, Revision
from tests.documents.test_views import form_data
from tests.factories import approved_concept, make_concept, make_note, note_content

pytestmark = pytest.mark.django_db


def enclosed(note):
    return list(note.enclosures.order_by("position").values_list("enclosed_id", flat=True))


def test_a_note_encloses_concept_papers_in_the_order_the_drafter_chose(client, drafter):
    first, second = make_concept(drafter), make_concept(drafter)
    note = make_note(drafter)
    client.force_login(drafter)
    response = client.post(f"/en/work/{note.pk}/edit/", form_data(
        base_revision=1, enclosures=[str(second.pk), "", str(first.pk)],
    ), follow=True)
    assert "Saved as revision 2." in response.text
    assert enclosed(note) == [second.pk, first.pk]
    assert note.revisions.get(number=2).content["enclosures"] == [second.pk, first.pk]


def test_the_editor_offers_concept_papers_but_not_notes_or_withdrawn_papers(
    client, drafter, reviewer, registrar
):
    paper = make_concept(drafter)
    withdrawn = approved_concept(drafter, reviewer)
    services.document_issue(document=withdrawn, by=registrar, acknowledge_warnings=True)
    services.document_transition(document=withdrawn, action="withdraw", by=registrar,
                                 comment="Superseded")
    other_note = make_note(drafter)
    client.force_login(drafter)
    page = client.get("/en/work/new/note/").text
    # The choices of the first enclosure (other drop-downs, the series, have values too).
    choices = re.search(r'<select[^>]*name="enclosures".*?</select>', page, re.S).group()
    assert f'<option value="{paper.pk}">' in choices
    assert f'<option value="{withdrawn.pk}">' not in choices
    assert f'<option value="{other_note.pk}">' not in choices
    assert 'aria-label="Enclosure 1"' in page
    # One document per position: drop-downs, never list boxes that take several.
    positions = re.findall(r"<select[^>]*name=\"enclosures\"[^>]*>", page)
    assert len(positions) == 3 and not any("multiple" in tag for tag in positions)


@pytest.mark.parametrize("case", ["unknown", "not_a_number", "itself", "withdrawn", "a_note",
                                  "twice", "circle"])
def test_a_forged_enclosure_is_a_clear_form_error_and_nothing_is_saved(
    case, client, drafter, reviewer, registrar
):
    note = make_note(drafter)
    paper = make_concept(drafter)
    other_note = make_note(drafter)
    if case == "withdrawn":
        paper = approved_concept(drafter, reviewer)
        services.document_issue(document=paper, by=registrar, acknowledge_warnings=True)
        services.document_transition(document=paper, action="withdraw", by=registrar,
                                     comment="Superseded")
    if case == "circle":
        # Written directly: no form lets a note enclose a note, but data may say so.
        Enclosure.objects.create(document=other_note, enclosed=note)
    ids, message = {
        "unknown": (["987654"], "Document 987654 does not exist."),
        "not_a_number": (["1 OR 1=1"], "“1 OR 1=1” is not a document."),
        "itself": ([str(note.pk)], "A document cannot enclose itself."),
        "withdrawn": ([str(paper.pk)], "has been withdrawn and cannot be enclosed."),
        "a_note": ([str(other_note.pk)], "is a Note verbale, which cannot be enclosed."),
        "twice": ([str(paper.pk), str(paper.pk)], "The same document is enclosed twice."),
        "circle": ([str(other_note.pk)], "already encloses this document"),
    }[case]
    client.force_login(drafter)
    before = (Revision.objects.count(), Enclosure.objects.count())
    response = client.post(f"/en/work/{note.pk}/edit/", form_data(
        base_revision=1, body_en="Changed text that must not be saved.", enclosures=ids,
    ))
    assert response.status_code == 200
    assert "Nothing was saved" in response.text and message in response.text
    assert (Revision.objects.count(), Enclosure.objects.count()) == before
    note.refresh_from_db()
    assert note.revision_number == 1 and "must not be saved" not in note.body_en


def test_the_service_refuses_an_enclosure_withdrawn_since_the_form_was_filled(
    drafter, reviewer, registrar
):
    paper = approved_concept(drafter, reviewer)
    note = make_note(drafter)
    services.document_issue(document=paper, by=registrar, acknowledge_warnings=True)
    services.document_transition(document=paper, action="withdraw", by=registrar, comment="x")
    content = snapshot(note) | {"enclosures": [paper.pk]}
    with pytest.raises(services.DocumentError, match="has been withdrawn"):
        services.revision_create(document=note, author=drafter, content=content,
                                 base_revision=1)
    assert note.revisions.count() == 1 and not note.enclosures.exists()


def test_the_snapshot_of_a_note_lists_its_enclosures_and_round_trips(drafter):
    first, second = make_concept(drafter), make_concept(drafter)
    note = services.document_create(
        kind=get_kind("note"), author=drafter,
        content=note_content() | {"enclosures": [first.pk, second.pk]},
    )
    content = snapshot(note)
    assert content["enclosures"] == [first.pk, second.pk]
    assert note.revisions.get().content == content
    # Saving the same content again is not a new revision.
    assert services.revision_create(document=note, author=drafter, content=content,
                                    base_revision=1) is None


def test_restoring_an_old_revision_restores_its_enclosure_list(drafter):
    first, second = make_concept(drafter), make_concept(drafter)
    note = make_note(drafter)
    content = snapshot(note)
    services.revision_create(document=note, author=drafter,
                             content=content | {"enclosures": [first.pk]}, base_revision=1)
    services.revision_create(document=note, author=drafter,
                             content=content | {"enclosures": [second.pk, first.pk]},
                             base_revision=2)
    assert enclosed(note) == [second.pk, first.pk]
    services.revision_restore(document=note, number=2, author=drafter, base_revision=3)
    assert enclosed(note) == [first.pk]
    services.revision_restore(document=note, number=1, author=drafter, base_revision=4)
    assert enclosed(note) == [] and note.revisions.get(number=5).content["enclosures"] == []


def test_a_revision_written_before_enclosures_existed_is_read_and_restored(client, drafter):
    paper = make_concept(drafter)
    note = make_note(drafter)
    legacy = snapshot(note)
    del legacy["enclosures"]
    # Revision 2 as an older version of the app stored it: no "enclosures" key.
    Revision.objects.create(document=note, number=2, content=legacy, content_hash="",
                            author=drafter)
    Document.objects.filter(pk=note.pk).update(revision_number=2)
    services.revision_create(document=note, author=drafter,
                             content=legacy | {"enclosures": [paper.pk]}, base_revision=2)
    client.force_login(drafter)
    diff = client.get(f"/en/work/{note.pk}/diff/?a=2&b=3")
    assert diff.status_code == 200 and f"1. {paper.title_en}" in diff.text
    services.revision_restore(document=note, number=2, author=drafter, base_revision=3)
    assert enclosed(note) == []


def test_the_diff_names_the_enclosures_by_title(client, drafter):
    paper = make_concept(drafter)
    note = make_note(drafter)
    services.revision_create(document=note, author=drafter,
                             content=snapshot(note) | {"enclosures": [paper.pk]},
                             base_revision=1)
    client.force_login(drafter)
    page = client.get(f"/en/work/{note.pk}/diff/?a=1&b=2").text
    assert f'<ins class="diff-ins">1. {paper.title_en}</ins>' in page.replace("\n", "")


def test_a_note_cannot_be_submitted_while_its_concept_paper_is_a_draft(drafter, reviewer):
    paper = make_concept(drafter)
    note = make_note(drafter)
    services.revision_create(document=note, author=drafter,
                             content=snapshot(note) | {"enclosures": [paper.pk]},
                             base_revision=1)
    with pytest.raises(services.ChecksFailed) as refused:
        services.document_transition(document=note, action="submit", by=drafter,
                                     acknowledge_warnings=True)
    finding = next(f for f in refused.value.findings if f.code == "enclosure_not_ready")
    assert paper.title_en in str(finding.message) and "Draft" in str(finding.message)
    # Once the paper is approved, the note goes ahead.
    services.document_transition(document=paper, action="submit", by=drafter,
                                 acknowledge_warnings=True)
    services.document_transition(document=paper, action="approve", by=reviewer,
                                 acknowledge_warnings=True)
    services.document_transition(document=note, action="submit", by=drafter,
                                 acknowledge_warnings=True)
    note.refresh_from_db()
    assert note.state == "submitted"
