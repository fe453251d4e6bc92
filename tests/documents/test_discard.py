"""A draft saved by accident can be discarded by its drafter (or an administrator): it
leaves every list, keeps its history, and can be restored. What was issued never is."""

import pytest

from cica_docs.accounts import roles
from cica_docs.audit.models import AuditEvent
from cica_docs.documents import services
from cica_docs.documents.models import Document
from tests.conftest import make_user
from tests.factories import approved_concept, make_concept, make_note

from ..api.conftest import token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def accidental(drafter):
    """The draft of an accidental Save: no subject, nothing typed."""
    return make_note(drafter, title_en="", title_ru="", title_kk="")


def test_the_drafter_discards_a_draft_and_it_keeps_its_history(drafter, accidental):
    services.document_transition(document=accidental, action="discard", by=drafter)
    accidental.refresh_from_db()
    assert accidental.state == "discarded"
    assert accidental.revisions.count() == 1
    event = accidental.events.first()
    assert (event.action, event.from_state, event.to_state, event.actor) == (
        "discard", "draft", "discarded", drafter)
    assert AuditEvent.objects.filter(action="document.discard",
                                     target_id=str(accidental.pk)).exists()


def test_a_discarded_draft_leaves_every_work_list_but_its_own(client, drafter, accidental):
    kept = make_note(drafter)
    services.document_transition(document=accidental, action="discard", by=drafter)
    client.force_login(drafter)
    for query in ("", "?list=mine", "?list=all", "?state=draft", "?q=274"):
        page = client.get(f"/en/work/{query}")
        assert f"/en/work/{accidental.pk}/" not in page.text, query
    assert f"/en/work/{kept.pk}/" in client.get("/en/work/").text
    assert "(no subject)" not in client.get("/en/work/").text
    assert f"/en/work/{accidental.pk}/" in client.get("/en/work/?list=discarded").text


def test_a_discarded_draft_is_restored_as_a_draft(client, drafter, accidental):
    services.document_transition(document=accidental, action="discard", by=drafter)
    client.force_login(drafter)
    page = client.get(f"/en/work/{accidental.pk}/")
    assert 'data-bs-target="#action-reinstate"' in page.text
    assert 'data-bs-target="#action-discard"' not in page.text
    response = client.post(f"/en/work/{accidental.pk}/reinstate/", follow=True)
    assert "Done: the document is now in the state “Draft”." in response.text
    assert Document.objects.get(pk=accidental.pk).state == "draft"
    assert f"/en/work/{accidental.pk}/" in client.get("/en/work/?list=mine").text


def test_the_browser_discards_from_the_document_page(client, drafter, accidental):
    client.force_login(drafter)
    assert 'data-bs-target="#action-discard"' in client.get(f"/en/work/{accidental.pk}/").text
    response = client.post(f"/en/work/{accidental.pk}/discard/", follow=True)
    assert "Done: the document is now in the state “Discarded”." in response.text
    assert Document.objects.get(pk=accidental.pk).state == "discarded"


def test_another_drafter_may_not_discard_it_but_an_administrator_may(drafter, accidental):
    colleague = make_user("colleague", roles.DRAFTER)
    with pytest.raises(services.TransitionNotAllowed, match="created this draft"):
        services.document_transition(document=accidental, action="discard", by=colleague)
    administrator = make_user("administrator", roles.ADMIN)  # the role, not a superuser
    services.document_transition(document=accidental, action="discard", by=administrator)
    assert Document.objects.get(pk=accidental.pk).state == "discarded"


def test_only_a_draft_is_discarded_never_an_issued_document(drafter, reviewer, registrar):
    paper = approved_concept(drafter, reviewer)
    with pytest.raises(services.TransitionNotAllowed):
        services.document_transition(document=paper, action="discard", by=drafter)
    services.document_issue(document=paper, by=registrar, acknowledge_warnings=True)
    administrator = make_user("administrator", roles.ADMIN)
    with pytest.raises(services.TransitionNotAllowed):
        services.document_transition(document=paper, action="discard", by=administrator)
    assert Document.objects.get(pk=paper.pk).state == "issued"


def test_a_discarded_paper_is_not_offered_as_an_enclosure(client, drafter):
    paper = make_concept(drafter)
    services.document_transition(document=paper, action="discard", by=drafter)
    client.force_login(drafter)
    offered = client.get("/en/work/new/note/").context["form"].fields["enclosures"].widget.choices
    assert paper.pk not in [value for value, _label in offered]


def test_a_discarded_correction_does_not_block_a_new_one(drafter, reviewer, registrar):
    paper = approved_concept(drafter, reviewer)
    services.document_issue(document=paper, by=registrar, acknowledge_warnings=True)
    first, _left_out = services.document_correct(document=paper, by=drafter)
    services.document_transition(document=first, action="discard", by=drafter)
    second, _left_out = services.document_correct(document=paper, by=drafter)
    assert second.pk != first.pk and second.state == "draft"


def test_the_api_discards_lists_and_restores(drafter, accidental):
    client = token_client(drafter)
    discarded = client.post(f"/api/v1/notes/{accidental.pk}/discard/", {}, format="json")
    assert discarded.status_code == 200 and discarded.json()["status"] == "discarded"
    listed = [d["id"] for d in client.get("/api/v1/notes/").json()["results"]]
    assert accidental.pk not in listed
    asked = [d["id"] for d in client.get("/api/v1/notes/?status=discarded").json()["results"]]
    assert asked == [accidental.pk]
    restored = client.post(f"/api/v1/notes/{accidental.pk}/reinstate/", {}, format="json")
    assert restored.status_code == 200 and restored.json()["status"] == "draft"


def test_the_api_refuses_another_drafters_discard_with_403(drafter, accidental):
    colleague = make_user("colleague", roles.DRAFTER)
    response = token_client(colleague).post(f"/api/v1/notes/{accidental.pk}/discard/", {},
                                            format="json")
    assert response.status_code == 403
    assert Document.objects.get(pk=accidental.pk).state == "draft"
