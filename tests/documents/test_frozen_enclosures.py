"""An issued package contains exactly what was approved (issue 11, item 1).

Issuing a note binds each enclosed document to its issued revision (an approved paper is
issued with the note, in the same transaction); the paper can then no longer go back to
draft or change, and every issue-time rendering reads only the frozen revisions, whatever
happens to the live rows afterwards."""

import datetime

import pytest
from django.utils import translation

from cica_docs.audit.models import AuditEvent
from cica_docs.documents import services
from cica_docs.documents.models import (
    Document,
    Enclosure,
    IssuedEnclosure,
    IssuedRevision,
    Series,
    WorkflowEvent,
)
from cica_docs.issuing.models import RenderedFile
from cica_docs.issuing.services import issued_render
from tests.db_rights import guard_lifted
from tests.factories import approved_concept, approved_note, concept_content, make_concept
from tests.rendering.conftest import pdftotext

APPROVED_TEXT = "The Conference was founded in 1992."
FORGED_TEXT = "Forged sentence never approved."
ISSUED_ON = datetime.date(2024, 3, 6)
REASON = "The reference note's date."


def issue(document, registrar, **kwargs):
    return services.document_issue(document=document, by=registrar, issued_on=ISSUED_ON,
                                   backdating_reason=REASON, acknowledge_warnings=True,
                                   **kwargs)


def test_the_package_carries_the_approved_paper_whatever_is_done_to_it_later(
    reference_data, drafter, reviewer, registrar, settings
):
    """The issue's reproduction: the worker is not running when the note is issued; the
    enclosed paper cannot be sent back to draft or edited; its live rows (text, state) and
    the note's enclosure rows are then forged with the guards lifted, as an owner could;
    the rendering, when the worker runs, still prints the approved text."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    paper = approved_concept(drafter, reviewer)
    note = approved_note(drafter, reviewer, enclosures=[paper.pk])
    issued = issue(note, registrar)

    paper.refresh_from_db()
    assert paper.state == "issued" and not RenderedFile.objects.exists()
    bound = IssuedEnclosure.objects.get(issued=issued)
    assert (bound.enclosed_id, bound.revision_id) == (paper.pk, paper.issued.revision_id)
    with pytest.raises(services.TransitionNotAllowed):
        services.document_transition(document=paper, action="return", by=reviewer,
                                     comment="One more change")
    content = concept_content()
    content["fields"]["body"]["en"] = FORGED_TEXT
    with pytest.raises(services.TransitionNotAllowed, match="Only a draft can be edited"):
        services.revision_create(document=paper, author=drafter, content=content,
                                 base_revision=paper.revision_number)

    stranger = make_concept(drafter)  # a draft, never approved
    with guard_lifted("concepts_conceptpaper", "concepts_conceptpaper_issued") as cursor:
        cursor.execute("UPDATE concepts_conceptpaper SET body_en = %s WHERE document_ptr_id = %s",
                       [FORGED_TEXT, paper.pk])
    with guard_lifted("documents_document", "documents_document_issued") as cursor:
        cursor.execute("UPDATE documents_document SET state = 'draft' WHERE id = %s", [paper.pk])
    Enclosure.objects.filter(document=note).update(enclosed=stranger)
    assert Document.objects.get(pk=paper.pk).specific.body_en == FORGED_TEXT

    issued_render(document_id=note.pk)  # the worker starts
    forged = AuditEvent.objects.get(action="document.content_forged")
    assert forged.target_id == str(note.pk)  # its enclosure rows no longer match
    package = RenderedFile.objects.get(document=note, variant="package")
    text = pdftotext(package.file.open("rb").read())
    assert APPROVED_TEXT in text and "AREAS OF COOPERATION" in text
    assert FORGED_TEXT not in text
    assert "DRAFT" not in text and "ПРОЕКТ" not in text


@pytest.mark.django_db
def test_an_approved_paper_is_issued_with_the_note_that_encloses_it(
    drafter, reviewer, registrar, django_capture_on_commit_callbacks
):
    paper = approved_concept(drafter, reviewer)
    note = approved_note(drafter, reviewer, enclosures=[paper.pk])
    with django_capture_on_commit_callbacks(execute=False):
        issued = issue(note, registrar)
    paper.refresh_from_db()
    assert paper.state == "issued" and paper.issued_on == ISSUED_ON and paper.number is None
    assert paper.issued.backdating_reason == REASON
    event = WorkflowEvent.objects.get(document=paper, action="issue")
    assert event.actor == registrar
    assert list(issued.enclosures.values_list("position", "enclosed_id", "revision_id")) == [
        (0, paper.pk, paper.issued.revision_id)]


@pytest.mark.django_db
def test_an_already_issued_paper_is_bound_by_its_issued_revision(
    drafter, reviewer, registrar, django_capture_on_commit_callbacks
):
    paper = approved_concept(drafter, reviewer)
    with django_capture_on_commit_callbacks(execute=False):
        first = issue(paper, registrar)
        note = approved_note(drafter, reviewer, enclosures=[paper.pk])
        issued = issue(note, registrar)
    assert issued.enclosures.get().revision_id == first.revision_id
    assert WorkflowEvent.objects.filter(document=paper, action="issue").count() == 1


def test_the_note_and_its_paper_are_issued_together_or_not_at_all(
    reference_data, drafter, reviewer, registrar, settings
):
    """The note's number cannot be taken (its series' counter was forged below a number
    given): the paper issued a moment before in the same transaction is not issued either."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    issue(approved_note(drafter, reviewer), registrar)  # takes NCT/CT/275
    series = Series.objects.get(code="NCT/CT")
    with guard_lifted("documents_series", "documents_series_counter") as cursor:
        cursor.execute("UPDATE documents_series SET next_number = 275 WHERE id = %s",
                       [series.pk])
    paper = approved_concept(drafter, reviewer)
    note = approved_note(drafter, reviewer, enclosures=[paper.pk])
    with pytest.raises(services.NumberTaken):
        issue(note, registrar)
    assert Document.objects.get(pk=paper.pk).state == "approved"
    assert not IssuedRevision.objects.filter(document_id__in=[paper.pk, note.pk]).exists()
    assert not WorkflowEvent.objects.filter(document=paper, action="issue").exists()
    assert not IssuedEnclosure.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "words"), [
    ("en", ("“on Cooperation between the CICA Secretariat", "“Draft”", "Nothing was issued")),
    ("ru", ("«сотрудничества между Секретариатом СВМДА", "«Проект»", "Ничего не")),
    ("kk", ("«on Cooperation between the CICA Secretariat", "«Жоба»", "ештеңе")),
])
def test_a_note_enclosing_a_paper_that_is_not_approved_is_refused_naming_it(
    drafter, reviewer, registrar, language, words
):
    paper = approved_concept(drafter, reviewer)
    note = approved_note(drafter, reviewer, enclosures=[paper.pk])
    services.document_transition(document=paper, action="return", by=reviewer,
                                 comment="The figures change.")
    with translation.override(language), pytest.raises(services.TransitionNotAllowed) as refusal:
        issue(note, registrar)
    for word in words:
        assert word.lower() in refusal.value.message.lower()
    assert Document.objects.get(pk=note.pk).state == "approved"
    assert Document.objects.get(pk=paper.pk).state == "draft"
