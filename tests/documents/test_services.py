import datetime

import pytest
from django.db import IntegrityError, connection, transaction

from cica_docs.documents import services
from cica_docs.documents.content import snapshot
from cica_docs.documents.models import Document, Revision, Series
from cica_docs.documents.status import translation_status
from tests.conftest import make_user
from tests.factories import approved_note, make_note, note_content

pytestmark = pytest.mark.django_db


def test_creating_a_note_makes_revision_one(drafter):
    note = make_note(drafter)
    assert note.state == Document.State.DRAFT
    assert note.revision_number == 1
    revision = note.revisions.get()
    assert revision.author == drafter and revision.content == snapshot(note)
    assert len(revision.content_hash) == 64


def test_every_save_creates_a_revision_and_an_unchanged_save_none(drafter):
    note = make_note(drafter)
    content = note_content(body_en="The Secretariat would welcome comments by 1 April 2024.")
    revision = services.revision_create(
        document=note, author=drafter, content=content, base_revision=1, comment="Dates"
    )
    assert revision.number == 2 and revision.changed_languages == ["en"]
    assert services.revision_create(
        document=note, author=drafter, content=content, base_revision=2
    ) is None
    assert note.revisions.count() == 2


def test_a_stale_save_is_refused_and_changes_nothing(drafter):
    colleague = make_user("colleague", "drafter")
    note = make_note(drafter)
    services.revision_create(
        document=note, author=drafter, content=note_content(body_en="First edit."),
        base_revision=1,
    )
    with pytest.raises(services.StaleRevision) as refused:
        services.revision_create(
            document=note, author=colleague, content=note_content(body_en="Second edit."),
            base_revision=1,
        )
    assert "saved revision 2" in refused.value.message
    note.refresh_from_db()
    assert note.body_en == "First edit." and note.revision_number == 2


def test_revisions_cannot_be_updated_or_deleted_by_django(drafter):
    revision = make_note(drafter).revisions.get()
    revision.comment = "rewritten"
    with pytest.raises(PermissionError):
        revision.save()
    with pytest.raises(PermissionError):
        revision.delete()


def test_the_database_refuses_to_update_a_revision(drafter):
    revision = make_note(drafter).revisions.get()
    expected = IntegrityError if connection.vendor == "sqlite" else Exception
    with pytest.raises(expected), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE documents_revision SET comment = 'forged' WHERE id = %s", [revision.pk]
        )
    assert Revision.objects.get(pk=revision.pk).comment == ""


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_postgresql_refuses_to_delete_a_revision(drafter):
    revision = make_note(drafter).revisions.get()
    with (
        # The app's role may not DELETE there at all; a role that may meets the trigger.
        pytest.raises(Exception, match="append-only|permission denied"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM documents_revision WHERE id = %s", [revision.pk])
    assert Revision.objects.filter(pk=revision.pk).exists()


def test_restore_brings_back_old_content_as_a_new_revision_and_keeps_state(drafter):
    note = make_note(drafter)
    services.revision_create(
        document=note, author=drafter, content=note_content(body_en="Changed."), base_revision=1
    )
    revision = services.revision_restore(document=note, number=1, author=drafter, base_revision=2)
    note.refresh_from_db()
    assert revision.number == 3 and revision.content == note.revisions.get(number=1).content
    assert note.state == Document.State.DRAFT and note.number is None
    assert "Restored from revision 1" in revision.comment


@pytest.mark.parametrize(
    ("role", "action", "allowed"),
    [
        ("drafter", "submit", True), ("reviewer", "submit", False),
        ("registrar", "submit", False), ("delegate_kz", "submit", False),
    ],
)
def test_only_drafters_submit(request, drafter, role, action, allowed):
    note = make_note(drafter)
    user = request.getfixturevalue(role)
    if allowed:
        services.document_transition(document=note, action=action, by=user)
        assert Document.objects.get(pk=note.pk).state == "submitted"
    else:
        with pytest.raises(services.TransitionNotAllowed):
            services.document_transition(document=note, action=action, by=user)
        assert Document.objects.get(pk=note.pk).state == "draft"


@pytest.mark.parametrize("role", ["drafter", "registrar", "delegate_in"])
def test_only_reviewers_approve_or_return(request, drafter, role):
    note = make_note(drafter)
    services.document_transition(document=note, action="submit", by=drafter)
    user = request.getfixturevalue(role)
    for action in ("approve", "return"):
        with pytest.raises(services.TransitionNotAllowed):
            services.document_transition(document=note, action=action, by=user, comment="x")


@pytest.mark.parametrize("role", ["drafter", "reviewer", "delegate_kz"])
def test_only_registrars_issue_and_withdraw(request, drafter, reviewer, registrar, role):
    note = approved_note(drafter, reviewer)
    with pytest.raises(services.TransitionNotAllowed):
        services.document_issue(document=note, by=request.getfixturevalue(role))
    services.document_issue(document=note, by=registrar)
    with pytest.raises(services.TransitionNotAllowed):
        services.document_transition(
            document=note, action="withdraw", by=request.getfixturevalue(role), comment="x"
        )


def test_return_needs_a_comment_and_is_recorded(drafter, reviewer):
    note = make_note(drafter)
    services.document_transition(document=note, action="submit", by=drafter)
    with pytest.raises(services.TransitionNotAllowed):
        services.document_transition(document=note, action="return", by=reviewer)
    services.document_transition(
        document=note, action="return", by=reviewer, comment="Check the dates."
    )
    event = note.events.first()
    assert (event.action, event.from_state, event.to_state, event.actor, event.comment) == (
        "return", "submitted", "draft", reviewer, "Check the dates."
    )


def test_issue_numbers_dates_and_freezes(drafter, reviewer, registrar):
    note = approved_note(drafter, reviewer)
    issued = services.document_issue(
        document=note, by=registrar, issued_on=datetime.date(2024, 3, 6),
        backdating_reason="Signed on 6 March, registered later.",
    )
    note.refresh_from_db()
    assert issued.symbol == note.symbol == "NCT/CT/275"
    assert note.issued_on == datetime.date(2024, 3, 6) and note.state == "issued"
    assert issued.revision.number == note.revision_number
    assert Series.objects.get(code="NCT/CT").next_number == 276
    with pytest.raises(services.TransitionNotAllowed):
        services.revision_create(
            document=note, author=drafter, content=note_content(body_en="Late change."),
            base_revision=note.revision_number,
        )


def test_a_second_issue_is_refused_and_takes_no_number(drafter, reviewer, registrar):
    note = approved_note(drafter, reviewer)
    services.document_issue(document=note, by=registrar)
    with pytest.raises(services.TransitionNotAllowed):
        services.document_issue(document=note, by=registrar)
    assert Series.objects.get(code="NCT/CT").next_number == 276


def test_withdrawn_numbers_are_never_reused(drafter, reviewer, registrar):
    first = approved_note(drafter, reviewer)
    services.document_issue(document=first, by=registrar)
    services.document_transition(
        document=first, action="withdraw", by=registrar, comment="Sent in error."
    )
    second = approved_note(drafter, reviewer)
    services.document_issue(document=second, by=registrar)
    second.refresh_from_db()
    assert second.symbol == "NCT/CT/276"


def test_a_failed_issue_leaves_no_hole(drafter, reviewer, registrar):
    note = approved_note(drafter, reviewer)
    # An empty Russian text appears after approval only through a forged path; the checks
    # refuse the issue inside the transaction and the number stays unused.
    Document.objects.filter(pk=note.pk).update(revision_number=note.revision_number)
    type(note).objects.filter(pk=note.pk).update(opening_ru="")
    with pytest.raises(services.ChecksFailed):
        services.document_issue(document=note, by=registrar)
    assert Series.objects.get(code="NCT/CT").next_number == 275
    assert Document.objects.get(pk=note.pk).state == "approved"


def test_yearly_series_restart_at_one(drafter, reviewer, registrar):
    series = Series.objects.create(code="SG/NV", next_number=41, restart_yearly=True, year=2025)
    note = approved_note(drafter, reviewer, series=series)
    services.document_issue(document=note, by=registrar, issued_on=datetime.date(2026, 1, 5),
                            backdating_reason="As signed.")
    note.refresh_from_db()
    assert note.symbol == "SG/NV/1"


def test_warnings_must_be_acknowledged_at_submit(drafter):
    note = make_note(drafter, body_en="We look forward to 15 replies.")
    with pytest.raises(services.ChecksFailed) as refused:
        services.document_transition(document=note, action="submit", by=drafter)
    assert {f.code for f in refused.value.findings} >= {"first_person", "numbers_differ"}
    services.document_transition(
        document=note, action="submit", by=drafter, acknowledge_warnings=True
    )


def test_errors_block_even_when_acknowledged(drafter):
    note = make_note(drafter, opening_kk="")
    with pytest.raises(services.ChecksFailed) as refused:
        services.document_transition(
            document=note, action="submit", by=drafter, acknowledge_warnings=True
        )
    assert [(f.code, f.language) for f in refused.value.findings if f.is_error] == [
        ("empty_language", "kk")
    ]


def test_translation_status_missing_complete_outdated(drafter):
    note = make_note(drafter, opening_kk="", body_kk="")
    assert translation_status(note) == {"en": "complete", "ru": "complete", "kk": "missing"}
    services.revision_create(
        document=note, author=drafter, content=note_content(), base_revision=1
    )
    note.refresh_from_db()
    assert translation_status(note) == {"en": "complete", "ru": "complete", "kk": "complete"}
    services.revision_create(
        document=note, author=drafter,
        content=note_content(body_en="The meeting is now on 13 March."), base_revision=2,
    )
    note.refresh_from_db()
    assert translation_status(note) == {"en": "complete", "ru": "outdated", "kk": "outdated"}
