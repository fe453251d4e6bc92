import hashlib
import re

import pytest
from django.test import Client

from cica_docs.audit.models import AuditEvent
from cica_docs.circulation.models import Receipt
from cica_docs.issuing.models import RenderedFile

pytestmark = pytest.mark.django_db


def normalised(html: str, pk) -> str:
    """The page without its CSRF tokens (new on every request) and with the id asked for."""
    html = re.sub(r'"X-CSRFToken": "[^"]*"', "", html)
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return html.replace(f"/documents/{pk}/", "/documents/ID/")


def refusals():
    return AuditEvent.objects.filter(action="portal.refused").count()


@pytest.fixture
def kz(client, delegate_kz):
    client.force_login(delegate_kz)
    return client


@pytest.fixture
def rendered(issue, dispatch_to):
    """An issued note with its PDFs, dispatched to Kazakhstan and India."""
    note = issue(render=True)
    dispatch_to(note, "KAZ", "IND")
    return note


# --- Inbox ----------------------------------------------------------------------------------


def test_the_inbox_lists_what_was_dispatched_to_the_state_newest_first(
    kz, issue, dispatch_to
):
    first = issue()
    dispatch_to(first, "KAZ")
    elsewhere = issue(title_en="Only for India")
    dispatch_to(elsewhere, "IND")
    issue(title_en="Never dispatched")
    second = issue()
    dispatch_to(second, "KAZ", "CHN")
    page = kz.get("/ru/portal/")
    rows = [d.document_id for d in page.context["page"]]
    assert rows == [second.pk, first.pk]
    assert "Вербальная нота" in page.text  # kind in the interface language
    assert "№ NCT/CT/275" in page.text and "№ NCT/CT/278" in page.text
    assert "Концепция отношений с Контртеррористическим управлением ООН" in page.text
    assert "Only for India" not in page.text and "Never dispatched" not in page.text


def test_the_inbox_shows_whether_the_delegation_already_downloaded(
    kz, rendered, delegate_kz
):
    from tests.conftest import make_user

    assert kz.get("/en/portal/").context["page"][0].downloaded is False
    colleague = Client()
    colleague.force_login(make_user("delegate.kz2", "delegate", state_code="KAZ"))
    colleague.get(f"/en/portal/documents/{rendered.pk}/pdf/en/")
    page = kz.get("/en/portal/")
    assert page.context["page"][0].downloaded is True
    assert "Downloaded" in page.text
    other = Client()
    other.force_login(make_user("delegate.in2", "delegate", state_code="IND"))
    assert other.get("/en/portal/").context["page"][0].downloaded is False


def test_the_inbox_filters_by_kind_and_searches_number_and_subject(kz, issue, dispatch_to):
    a = issue()
    b = issue(title_en="Annual report contributions")
    for note in (a, b):
        dispatch_to(note, "KAZ")
    by_number = kz.get("/en/portal/", {"q": "NCT/CT/276"}).context["page"]
    assert [d.document_id for d in by_number] == [b.pk]
    by_subject = kz.get("/en/portal/", {"q": "annual report"}).context["page"]
    assert [d.document_id for d in by_subject] == [b.pk]
    assert len(kz.get("/en/portal/", {"kind": "note"}).context["page"]) == 2
    none = kz.get("/en/portal/", {"q": "no such thing"})
    assert "No document circulated to your state matches these filters." in none.text


@pytest.mark.parametrize("params", [{"kind": "<script>"}, {"page": "99999999999999999999"},
                                    {"q": "x" * 5000}, {"page": "-1"}])
def test_forged_inbox_filters_give_a_page_not_an_error(kz, params):
    assert kz.get("/en/portal/", params).status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_the_inbox_issues_the_same_number_of_queries_whatever_the_number_of_documents(
    kz, issue, dispatch_to, django_assert_num_queries, count
):
    notes = [issue() for _ in range(count)]
    for note in notes:
        dispatch_to(note, "KAZ")
    # session, user, the user's permissions (2), whether they have an authenticator
    # (two-factor sign-in), the visit (get or create: 4, then saved), count, page, its
    # corrections, its meetings, member state, the meetings of the state's documents (form
    # and groups: 2), the session saved (3: a visit starts)
    with django_assert_num_queries(20):
        response = kz.get("/en/portal/")
    assert len(response.context["page"]) == min(count, 25)


# --- Document page and files ----------------------------------------------------------------


def test_the_document_page_offers_each_issued_language_and_the_package(
    kz, issue, dispatch_to
):
    note = issue(render=True, languages=("en", "ru"))
    dispatch_to(note, "KAZ")
    page = kz.get(f"/ru/portal/documents/{note.pk}/")
    assert page.status_code == 200
    for variant in ("en", "ru", "package"):
        assert f"/ru/portal/documents/{note.pk}/pdf/{variant}/" in page.text
        assert f"/ru/portal/documents/{note.pk}/preview/{variant}/" in page.text
    assert "/pdf/kk/" not in page.text
    assert kz.get(f"/ru/portal/documents/{note.pk}/pdf/kk/").status_code == 404
    assert 'name="pdf-preview"' in page.text
    assert '<dd class="col-sm-9">Английский, Русский</dd>' in page.text


def test_a_download_is_served_from_storage_and_recorded(kz, rendered, delegate_kz):
    stored = RenderedFile.objects.get(document=rendered, variant="ru")
    response = kz.get(f"/en/portal/documents/{rendered.pk}/pdf/ru/", REMOTE_ADDR="203.0.113.9")
    data = b"".join(response.streaming_content)
    assert hashlib.sha256(data).hexdigest() == stored.sha256
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="NCT-CT-275_ru.pdf"'
    assert response["Cache-Control"] == "no-store"
    receipt = Receipt.objects.get()
    assert (receipt.user, receipt.state.code, receipt.document_id, receipt.variant,
            receipt.mode, receipt.ip_address) == (
        delegate_kz, "KAZ", rendered.pk, "ru", "download", "203.0.113.9")
    assert receipt.issued == rendered.issued


def test_the_preview_is_inline_and_may_be_framed_by_the_portal_only(kz, rendered):
    response = kz.get(f"/en/portal/documents/{rendered.pk}/preview/package/")
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert Receipt.objects.get().mode == "preview"


def test_a_file_not_rendered_yet_is_being_prepared_for_its_recipients_only(
    kz, issue, delegate_in, registrar, monkeypatch
):
    from cica_docs.circulation import dispatching
    from cica_docs.circulation.models import MemberState
    from cica_docs.circulation.services import circulation_list_create

    note = issue(pdfs=False)  # rendering not run
    # Dispatch now waits for the PDFs; a document dispatched before it did is made here
    # by letting the service skip that refusal.
    monkeypatch.setattr(dispatching, "missing_pdfs", lambda document: [])
    only_kaz = circulation_list_create(by=registrar, names={"en": "KZ", "ru": "KZ", "kk": "KZ"},
                                       states=MemberState.objects.filter(code="KAZ"))
    dispatching.dispatch_create(document=note, circulation_list=only_kaz, by=registrar)
    page = kz.get(f"/en/portal/documents/{note.pk}/")
    assert "Being prepared" in page.text
    response = kz.get(f"/en/portal/documents/{note.pk}/pdf/ru/")
    assert response.status_code == 404 and "This file is being prepared" in response.text
    assert not Receipt.objects.exists() and refusals() == 0
    other = Client()
    other.force_login(delegate_in)
    response = other.get(f"/en/portal/documents/{note.pk}/pdf/ru/")
    assert response.status_code == 404 and "being prepared" not in response.text


# --- Scope ----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["", "pdf/en/", "pdf/package/", "preview/ru/"])
def test_another_states_document_is_exactly_like_one_that_does_not_exist(
    kz, issue, dispatch_to, suffix
):
    note = issue(render=True)
    dispatch_to(note, "IND")
    refused = kz.get(f"/en/portal/documents/{note.pk}/{suffix}")
    missing = kz.get(f"/en/portal/documents/987654/{suffix}")
    assert refused.status_code == missing.status_code == 404
    assert normalised(refused.text, note.pk) == normalised(missing.text, 987654)
    assert b"%PDF" not in refused.content
    assert refusals() == 2
    event = AuditEvent.objects.filter(action="portal.refused").last()
    assert event.detail["document_id"] == note.pk and event.member_state.code == "KAZ"
    assert not Receipt.objects.exists()


@pytest.mark.parametrize("pk", ["0", "99999999999999999999999"])
def test_forged_document_ids_are_404(kz, pk):
    assert kz.get(f"/en/portal/documents/{pk}/").status_code == 404
    assert kz.get(f"/en/portal/documents/{pk}/pdf/en/").status_code == 404


def test_a_deactivated_delegates_old_session_reaches_nothing(
    client, rendered, delegate_kz, admin_user
):
    from cica_docs.circulation import services

    client.force_login(delegate_kz)
    assert client.get(f"/en/portal/documents/{rendered.pk}/").status_code == 200
    services.delegate_deactivate(delegate=delegate_kz, by=admin_user)
    response = client.get(f"/en/portal/documents/{rendered.pk}/pdf/ru/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Receipt.objects.exists()


def test_the_delegate_sees_a_withdrawn_document_marked_as_withdrawn(
    kz, issue, dispatch_to, registrar
):
    from cica_docs.documents import services

    note = issue()
    dispatch_to(note, "KAZ")
    services.document_transition(document=note, action="withdraw", by=registrar,
                                 comment="Superseded")
    assert "The Secretariat has withdrawn this document." in kz.get(
        f"/en/portal/documents/{note.pk}/").text


# --- Corrections ----------------------------------------------------------------------------

def _issued_correction(original, drafter, reviewer, registrar, capture):
    from tests.factories import correction_issued

    with capture(execute=True):  # its PDFs, rendered once the issue commits
        return correction_issued(original, drafter=drafter, reviewer=reviewer,
                                 registrar=registrar)


def test_a_delegate_is_told_of_a_correction_circulated_to_their_state_and_of_no_other(
    kz, rendered, dispatch_to, drafter, reviewer, registrar, django_capture_on_commit_callbacks
):
    correction = _issued_correction(rendered, drafter, reviewer, registrar,
                                    django_capture_on_commit_callbacks)
    dispatch_to(correction, "IND")  # not to Kazakhstan
    page = kz.get(f"/en/portal/documents/{rendered.pk}/").text
    assert correction.symbol not in page and "A correction" not in page
    assert "Corrected" not in kz.get("/en/portal/").text

    dispatch_to(correction, "KAZ")
    page = kz.get(f"/en/portal/documents/{rendered.pk}/").text
    assert "A correction of this document has been circulated" in page
    assert f'href="/en/portal/documents/{correction.pk}/"' in page
    assert f"№ {correction.symbol}" in page
    back = kz.get(f"/en/portal/documents/{correction.pk}/").text
    assert "This document corrects" in back and f"№ {rendered.symbol}" in back
    assert ">Corrected</span>" in kz.get("/en/portal/").text


# --- References -----------------------------------------------------------------------------

def _issued_reply(to, relation, drafter, reviewer, registrar):
    """A note answering (or citing) the issued document `to`, issued, with PDFs stored."""
    import datetime

    from cica_docs.documents import services
    from cica_docs.documents.kinds import get_kind
    from tests.factories import note_content, pdfs_stored, signed_off

    content = note_content()
    content["plain"].update(reference_relation=relation, reference_document=to.pk)
    note = services.document_create(kind=get_kind("note"), author=drafter, content=content)
    services.document_transition(document=note, action="submit", by=drafter,
                                 acknowledge_warnings=True)
    services.document_transition(document=note, action="approve", by=reviewer,
                                 acknowledge_warnings=True)
    signed_off(note)  # NCT/CT is issued once revisers signed every language off
    services.document_issue(document=note, by=registrar, issued_on=datetime.date(2024, 3, 7),
                            backdating_reason="After the reference note.",
                            acknowledge_warnings=True)
    note.refresh_from_db()
    pdfs_stored(note)
    return note


@pytest.mark.parametrize(("relation", "there", "back"), [
    ("reply", "This document answers", "An answer to this document has been circulated"),
    ("cites", "This document refers to", "A document referring to this one has been circulated"),
])
def test_a_delegate_sees_what_a_document_answers_or_cites_only_where_both_reached_the_state(
    kz, issue, dispatch_to, drafter, reviewer, registrar, relation, there, back,
):
    original = issue()
    reply = _issued_reply(original, relation, drafter, reviewer, registrar)
    dispatch_to(original, "KAZ")
    dispatch_to(reply, "IND")  # not to Kazakhstan: never named to it
    page = kz.get(f"/en/portal/documents/{original.pk}/").text
    assert reply.symbol not in page and back not in page

    dispatch_to(reply, "KAZ", "IND")
    page = kz.get(f"/en/portal/documents/{original.pk}/").text
    assert back in page and f'href="/en/portal/documents/{reply.pk}/"' in page
    assert f"№ {reply.symbol}" in page
    answer = kz.get(f"/en/portal/documents/{reply.pk}/").text
    assert there in answer and f"№ {original.symbol}" in answer
    assert f'href="/en/portal/documents/{original.pk}/"' in answer
    for lang in ("ru", "kk"):
        assert kz.get(f"/{lang}/portal/documents/{reply.pk}/").status_code == 200


def test_a_delegate_is_not_told_the_number_of_a_cited_document_their_state_did_not_get(
    kz, issue, dispatch_to, drafter, reviewer, registrar,
):
    cited = issue()
    dispatch_to(cited, "IND")
    reply = _issued_reply(cited, "reply", drafter, reviewer, registrar)
    dispatch_to(reply, "KAZ")
    page = kz.get(f"/en/portal/documents/{reply.pk}/").text
    assert "This document answers" not in page
    assert f"/en/portal/documents/{cited.pk}/" not in page
    assert 'id="refers-to"' not in page
