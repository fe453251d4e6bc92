"""Every permission is enforced by the service that acts: called directly — by a script, a
task, a future entry point — as a delegate or a role without the right, it refuses and
changes nothing."""

import pytest

from cica_docs.documents import services
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.models import Document, Revision
from tests.factories import approved_note, make_note, note_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued_note(drafter, reviewer, registrar):
    note = approved_note(drafter, reviewer)
    services.document_issue(document=note, by=registrar, acknowledge_warnings=True)
    return note


@pytest.mark.parametrize("who", ["delegate_kz", "reviewer", "registrar"])
def test_only_a_drafter_creates_a_document(who, request):
    user = request.getfixturevalue(who)
    with pytest.raises(services.NotPermitted):
        services.document_create(kind=get_kind("note"), author=user, content=note_content())
    assert not Document.objects.exists()


def test_a_delegate_can_neither_edit_nor_restore_a_draft(drafter, delegate_kz):
    note = make_note(drafter)
    changed = note_content(body_en="Rewritten by someone outside the Secretariat.")
    with pytest.raises(services.NotPermitted):
        services.revision_create(document=note, author=delegate_kz, content=changed,
                                 base_revision=1)
    services.revision_create(document=note, author=drafter, content=changed, base_revision=1)
    with pytest.raises(services.NotPermitted):
        services.revision_restore(document=note, number=1, author=delegate_kz, base_revision=2)
    assert Revision.objects.filter(document=note).count() == 2
    note.refresh_from_db()
    assert note.revision_number == 2


def test_a_delegate_cannot_move_a_document_through_the_workflow(drafter, delegate_kz):
    note = make_note(drafter)
    for action in ("submit", "discard"):
        with pytest.raises(services.NotPermitted):
            services.document_transition(document=note, action=action, by=delegate_kz,
                                         comment="Not ours to decide.")
    note.refresh_from_db()
    assert note.state == Document.State.DRAFT and not note.events.exists()


def test_only_a_drafter_starts_a_correction(issued_note, delegate_kz, reviewer):
    for user in (delegate_kz, reviewer):
        with pytest.raises(services.NotPermitted):
            services.document_correct(document=issued_note, by=user)
    assert not issued_note.corrections.exists()


def test_a_refusal_of_the_role_is_a_403_page_not_a_message(client, drafter, reviewer):
    note = make_note(drafter)
    client.force_login(reviewer)
    response = client.post(f"/en/work/{note.pk}/restore/", {"number": 1, "base_revision": 1})
    assert response.status_code == 403
    assert Revision.objects.filter(document=note).count() == 1


def test_only_a_drafter_uploads_a_file_to_enclose(delegate_kz, registrar):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cica_docs.documents.models import EnclosedFile
    from cica_docs.documents.uploads import enclosed_file_create

    for user in (delegate_kz, registrar):
        upload = SimpleUploadedFile("programme.pdf", b"%PDF-1.7\n%%EOF\n")
        with pytest.raises(services.NotPermitted):
            enclosed_file_create(upload=upload, title="Programme", by=user)
    assert not EnclosedFile.objects.exists()
