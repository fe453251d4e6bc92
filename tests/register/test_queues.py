"""Work queues per role: the landing page after login and the counts in the navigation."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cica_docs.circulation.models import Notice
from cica_docs.documents import services
from cica_docs.documents.models import Series
from cica_docs.issuing.models import Rendering
from cica_docs.register.queues import queue_counts
from tests.conftest import queries_of
from tests.factories import make_note, note_content, signed_off

pytestmark = pytest.mark.django_db


def _titles(client, key):
    page = client.get("/en/my-work/")
    section = next(s for s in page.context["sections"] if s["queue"].key == key)
    return [d.pk for d in section["items"]], section["count"]


def test_a_document_moves_through_the_queues_of_each_role(
        client, drafter, reviewer, registrar, delegate_kz, issue, dispatch_to):
    note = make_note(drafter)
    client.force_login(drafter)
    assert _titles(client, "mine") == ([note.pk], 1) and _titles(client, "returned") == ([], 0)
    services.document_transition(document=note, action="submit", by=drafter,
                                 acknowledge_warnings=True)
    client.force_login(reviewer)
    assert _titles(client, "review") == ([note.pk], 1)
    services.document_transition(document=note, action="return", by=reviewer,
                                 comment="Please check the date.")
    client.force_login(drafter)
    assert _titles(client, "returned") == ([note.pk], 1)
    services.document_transition(document=note, action="submit", by=drafter,
                                 acknowledge_warnings=True)
    assert _titles(client, "returned") == ([], 0)  # submitted again: no longer returned
    services.document_transition(document=note, action="approve", by=reviewer,
                                 acknowledge_warnings=True)
    client.force_login(registrar)
    # NCT/CT is issued only when every language is signed off: not yet ready to issue.
    assert _titles(client, "ready") == ([], 0)
    assert _titles(client, "signoff") == ([note.pk], 1)
    signed_off(note)
    assert _titles(client, "ready") == ([note.pk], 1)
    assert _titles(client, "signoff") == ([], 0)
    services.document_issue(document=note, by=registrar, acknowledge_warnings=True)
    assert _titles(client, "ready") == ([], 0)
    assert _titles(client, "undispatched") == ([note.pk], 1)
    dispatch = dispatch_to(note, "KAZ")
    assert _titles(client, "undispatched") == ([], 0)
    assert _titles(client, "failed") == ([], 0)
    Notice.objects.filter(dispatch=dispatch).update(status=Notice.Status.FAILED)
    assert _titles(client, "failed") == ([note.pk], 1)
    other = issue(pdfs=False, series=Series.objects.create(code="NCT/TEST", next_number=1))
    Rendering.objects.filter(document=other).update(status=Rendering.Status.FAILED)
    assert _titles(client, "failed")[1] == 2


def test_the_counts_of_all_queues_are_one_query_and_shown_in_the_navigation(
        client, drafter, reviewer, registrar):
    for _ in range(3):
        note = make_note(drafter)
        services.document_transition(document=note, action="submit", by=drafter,
                                     acknowledge_warnings=True)
    reviewer.get_all_permissions()  # the permissions are read once per request, not per queue
    with CaptureQueriesContext(connection) as queries:
        counts = queue_counts(reviewer)
    assert counts == {"assigned": 0, "review": 3} and len(queries) == 1
    assert queue_counts(drafter) == {"assigned": 0, "returned": 0, "mine": 0}
    client.force_login(reviewer)
    page = client.get("/en/register/").text  # any staff page
    assert '3<span class="visually-hidden"> Awaiting my review</span>' in page


def test_the_landing_page_costs_the_same_queries_for_2_and_8_documents(client, drafter):
    client.force_login(drafter)
    for _ in range(2):
        make_note(drafter)
    few, _response = queries_of(client, "/en/my-work/")
    for _ in range(6):
        make_note(drafter)
    many, response = queries_of(client, "/en/my-work/")
    assert many == few and _titles(client, "mine")[1] == 8


@pytest.mark.parametrize(("language", "heading", "queue"), [
    ("ru", "Моя работа", "Ожидают моего согласования"),
    ("kk", "Менің жұмысым", "Менің келісуімді күтуде"),
])
def test_the_landing_page_in_russian_and_kazakh(client, reviewer, language, heading, queue):
    client.force_login(reviewer)
    page = client.get(f"/{language}/my-work/").text
    assert heading in page and queue in page


def test_every_queue_counted_at_once_for_someone_who_holds_every_role(
        drafter, reviewer, admin_user, issue):
    note = make_note(admin_user)
    services.document_transition(document=note, action="submit", by=admin_user,
                                 acknowledge_warnings=True)
    services.document_transition(document=note, action="return", by=reviewer, comment="No.")
    issue()
    assert queue_counts(admin_user) == {"assigned": 0, "returned": 1, "mine": 1, "review": 0,
                                        "ready": 0, "signoff": 0, "undispatched": 1,
                                        "failed": 0}


def test_an_enclosure_issued_with_its_note_waits_in_no_queue_of_its_own(
        client, drafter, reviewer, registrar, dispatch_to):
    from tests.factories import approved_concept

    paper = approved_concept(drafter, reviewer)
    note = make_note(drafter, enclosures=[paper.pk])
    for action, who in (("submit", drafter), ("approve", reviewer)):
        services.document_transition(document=note, action=action, by=who,
                                     acknowledge_warnings=True)
    signed_off(note)
    services.document_issue(document=note, by=registrar, acknowledge_warnings=True)
    paper.refresh_from_db()
    assert paper.state == "issued"  # issued with the note, in the same transaction
    client.force_login(registrar)
    assert _titles(client, "undispatched") == ([note.pk], 1)  # the note, not its paper
    dispatch_to(note, "KAZ")
    assert _titles(client, "undispatched") == ([], 0)


def _approved(drafter, reviewer, **kwargs):
    note = make_note(drafter, **kwargs)
    for action, who in (("submit", drafter), ("approve", reviewer)):
        services.document_transition(document=note, action=action, by=who,
                                     acknowledge_warnings=True)
    note.refresh_from_db()
    return note


def test_a_document_waits_for_sign_off_until_its_last_language_is_signed_off(
        client, drafter, reviewer, registrar):
    from cica_docs.workbench.signoffs import language_sign_off
    from tests.workbench.conftest import reviser_of

    note = _approved(drafter, reviewer)
    revisers = {lang: reviser_of(f"reviser.{lang}", lang) for lang in ("en", "ru", "kk")}
    client.force_login(revisers["ru"])
    assert _titles(client, "my_signoff") == ([note.pk], 1)
    page = client.get("/en/register/").text
    assert '1<span class="visually-hidden"> Awaiting my sign-off</span>' in page
    for lang in ("en", "ru", "kk"):
        client.force_login(registrar)
        assert _titles(client, "ready") == ([], 0)
        assert _titles(client, "signoff") == ([note.pk], 1)
        if lang == "kk":  # the registrar's page of the document says who signed off what
            page = client.get(f"/en/work/{note.pk}/").text
            assert "signed off by Reviser.Ru, on revision 1" in page
            assert '<li class="signoff-kk"><strong>KK</strong>: not signed off</li>' in page
        language_sign_off(document=note, language=lang, by=revisers[lang], revision_number=1)
        client.force_login(revisers[lang])
        assert _titles(client, "my_signoff") == ([], 0)  # theirs is signed off
    client.force_login(registrar)
    assert _titles(client, "ready") == ([note.pk], 1)
    assert _titles(client, "signoff") == ([], 0)


def test_a_sign_off_withdrawn_by_a_later_change_puts_the_document_back(
        client, drafter, reviewer, registrar):
    from tests.workbench.conftest import reviser_of

    note = make_note(drafter)
    reviser = reviser_of("reviser.kk", "kk")
    signed_off(note)  # every language, revision 1
    services.revision_create(document=note, author=drafter, base_revision=1,
                             content={**note_content(body_en="Considered later.")})
    for action, who in (("submit", drafter), ("approve", reviewer)):
        services.document_transition(document=note, action=action, by=who,
                                     acknowledge_warnings=True)
    client.force_login(registrar)
    # The source language changed: every translation's sign-off is withdrawn.
    assert _titles(client, "signoff") == ([note.pk], 1) and _titles(client, "ready")[1] == 0
    client.force_login(reviser)
    assert _titles(client, "my_signoff") == ([note.pk], 1)


def test_a_series_without_the_rule_is_ready_to_issue_without_sign_off(
        client, drafter, reviewer, registrar):
    note = _approved(drafter, reviewer, series=Series.objects.create(code="CICA/FREE"))
    client.force_login(registrar)
    assert _titles(client, "ready") == ([note.pk], 1)
    assert _titles(client, "signoff") == ([], 0)


def test_a_non_reviser_has_no_sign_off_queue_and_the_counts_stay_one_query(drafter, reviewer):
    from tests.workbench.conftest import reviser_of

    assert "my_signoff" not in queue_counts(reviewer)
    reviser = reviser_of("reviser.ru", "ru")
    reviser.get_all_permissions()
    with CaptureQueriesContext(connection) as queries:
        counts = queue_counts(reviser)
    assert counts["my_signoff"] == 0 and len(queries) == 1


def test_the_sign_off_queues_cost_the_same_queries_for_2_and_8_documents(
        client, drafter, reviewer, registrar):
    from tests.workbench.conftest import reviser_of

    reviser = reviser_of("reviser.ru", "ru")
    for _ in range(2):
        _approved(drafter, reviewer)
    pages = {}
    for user in (reviser, registrar):
        client.force_login(user)
        pages[user.pk] = queries_of(client, "/en/my-work/")[0]
    for _ in range(6):
        _approved(drafter, reviewer)
    for user, key in ((reviser, "my_signoff"), (registrar, "signoff")):
        client.force_login(user)
        assert queries_of(client, "/en/my-work/")[0] == pages[user.pk]
        assert _titles(client, key)[1] == 8
