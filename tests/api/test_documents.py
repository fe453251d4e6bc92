"""Editing documents through the API: the same rules as the browser, and clear errors."""

import datetime

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from cica_docs.documents import services
from cica_docs.documents.models import Document, Revision
from tests.conftest import reauthenticate
from tests.factories import approved_note, make_note

from .conftest import token_client

pytestmark = pytest.mark.django_db


def url(note, suffix=""):
    return f"/api/v1/notes/{note.pk}/{suffix}"


def test_a_stale_patch_is_refused_with_409_and_changes_nothing(drafter):
    note = make_note(drafter)
    client = token_client(drafter)
    first = client.patch(url(note), {"revision": 1, "body": {"en": "First edit."}}, format="json")
    assert first.status_code == 200

    stale = client.patch(url(note), {"revision": 1, "body": {"en": "Overwrites the first?"}},
                         format="json")

    assert stale.status_code == 409
    assert "revision 2" in stale.json()["detail"]
    note.refresh_from_db()
    assert note.revision_number == 2 and note.body_en == "First edit."
    assert Revision.objects.filter(document=note).count() == 2


def test_a_patch_without_its_revision_is_refused(drafter):
    note = make_note(drafter)
    response = token_client(drafter).patch(url(note), {"body": {"en": "x"}}, format="json")
    assert response.status_code == 400
    assert "revision" in response.json()["errors"]


def test_text_the_browser_refuses_is_refused_with_the_field_and_language_named(drafter):
    note = make_note(drafter)
    response = token_client(drafter).patch(
        url(note), {"revision": 1, "opening": {"ru": "имеет честь \u202eнаправить"}},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["opening.ru"]
    assert "right-to-left" in response.json()["errors"]["opening.ru"][0]
    note.refresh_from_db()
    assert note.revision_number == 1


@pytest.mark.parametrize("payload, field", [
    ({"opening": {"de": "Hallo"}}, "opening"),
    ({"opening": "not an object"}, "opening"),
    ({"opening": {"en": 5}}, "opening"),
    ({"opening": {"en": "a\x00b"}}, "opening.en"),
    ({"languages": ["en", "fr"]}, "languages.1"),
    ({"series": "NO/SUCH"}, "series"),
    ({"addressee": "nobody"}, "addressee"),
    ({"status": "issued"}, "status"),
    ({"number": 1}, "number"),
])
def test_malformed_or_forged_fields_are_refused_and_nothing_is_saved(drafter, payload, field):
    note = make_note(drafter)
    response = token_client(drafter).patch(url(note), {"revision": 1, **payload},
                                           format="json")
    assert response.status_code == 400, response.json()
    assert field in response.json()["errors"]
    note.refresh_from_db()
    assert (note.revision_number, note.state, note.number) == (1, "draft", None)


@pytest.mark.parametrize("ident", ["abc", "-1", "0", "99999999999999999999999", "1.5", "٣"])
def test_ids_that_are_not_positive_numbers_are_404_in_json(drafter, ident):
    response = token_client(drafter).get(f"/api/v1/notes/{ident}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "errors": {}}


def test_unknown_api_urls_answer_json_404(drafter):
    response = token_client(drafter).get("/api/v1/no-such-thing/")
    assert response.status_code == 404 and response.json()["detail"]


def test_issuing_twice_is_a_conflict_and_the_number_is_kept(drafter, reviewer, registrar):
    note = approved_note(drafter, reviewer)
    client = token_client(registrar)
    issued = client.post(url(note, "issue/"), {"date": "2024-03-06",
                                               "backdating_reason": "As signed."}, format="json")
    assert issued.status_code == 200
    again = client.post(url(note, "issue/"), {}, format="json")
    assert again.status_code == 409
    note.refresh_from_db()
    assert note.number == 275 and note.issued_on == datetime.date(2024, 3, 6)


def test_an_issue_date_outside_the_plausible_years_is_refused(drafter, reviewer, registrar):
    note = approved_note(drafter, reviewer)
    response = token_client(registrar).post(url(note, "issue/"), {"date": "1999-12-31"},
                                            format="json")
    assert response.status_code == 400 and "date" in response.json()["errors"]
    note.refresh_from_db()
    assert note.state == "approved"


def test_returning_without_a_comment_asks_for_one(drafter, reviewer):
    note = make_note(drafter)
    services.document_transition(document=note, action="submit", by=drafter)
    client = token_client(reviewer)
    response = client.post(url(note, "return/"), {"comment": "  "}, format="json")
    assert response.status_code == 400 and "comment" in response.json()["errors"]
    response = client.post(url(note, "return/"), {"comment": "Check the dates."},
                           format="json")
    assert response.status_code == 200 and response.json()["status"] == "draft"


def test_a_submit_stopped_by_the_checks_lists_them(drafter):
    note = make_note(drafter, opening_kk="")
    response = token_client(drafter).post(url(note, "submit/"), {}, format="json")
    assert response.status_code == 409
    assert {"level": "error", "code": "empty_language", "language": "kk"}.items() <= \
        response.json()["checks"][0].items()
    note.refresh_from_db()
    assert note.state == "draft"


def test_warnings_must_be_acknowledged_as_in_the_browser(drafter):
    # The CICA terms of the other languages' opening stay, so that only the first person is
    # flagged (the termbase check would flag a term missing from it).
    note = make_note(drafter, opening_en="we submit the Concept Paper on relations between "
                     "the Secretariat and the United Nations Office of Counter-Terrorism for "
                     "consideration of the Member States.")
    client = token_client(drafter)
    refused = client.post(url(note, "submit/"), {}, format="json")
    assert refused.status_code == 409
    assert [c["code"] for c in refused.json()["checks"]] == ["first_person"]
    accepted = client.post(url(note, "submit/"), {"acknowledge_warnings": True}, format="json")
    assert accepted.status_code == 200 and accepted.json()["status"] == "submitted"


def test_a_role_without_the_transition_permission_gets_403(drafter):
    note = make_note(drafter)
    services.document_transition(document=note, action="submit", by=drafter)
    response = token_client(drafter).post(url(note, "approve/"), {}, format="json")
    assert response.status_code == 403
    assert Document.objects.get(pk=note.pk).state == "submitted"


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10_000)
def test_an_oversized_body_gets_a_clear_413(drafter):
    note = make_note(drafter)
    response = token_client(drafter).patch(
        url(note), {"revision": 1, "body": {"en": "x" * 20_000}}, format="json"
    )
    assert response.status_code == 413
    assert response.json()["detail"] == "The request body is too large."


def test_a_body_that_is_not_json_is_a_400(drafter):
    note = make_note(drafter)
    response = token_client(drafter).generic("PATCH", url(note), b'{"revision": 1,',
                                             content_type="application/json")
    assert response.status_code == 400 and response.json()["detail"]


def test_a_lone_surrogate_is_refused_without_a_server_error(drafter):
    note = make_note(drafter)
    body = b'{"revision": 1, "series": "\\ud800", "opening": {"en": "\\udc00"}}'
    response = token_client(drafter).generic("PATCH", url(note), body,
                                             content_type="application/json")
    assert response.status_code == 400
    assert "opening.en" in response.json()["errors"]


def test_the_browser_session_works_but_needs_the_csrf_token(drafter):
    note = make_note(drafter)
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(drafter)
    assert client.get(url(note)).status_code == 200
    response = client.patch(url(note), {"revision": 1, "body": {"en": "x"}}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_issuing_from_a_session_needs_a_recently_confirmed_password(
    drafter, reviewer, registrar
):
    note = approved_note(drafter, reviewer)
    client = APIClient()
    client.force_login(registrar)
    refused = client.post(url(note, "issue/"), {}, format="json")
    assert refused.status_code == 403
    assert Document.objects.get(pk=note.pk).state == "approved"
    reauthenticate(client)
    assert client.post(url(note, "issue/"), {}, format="json").status_code == 200


def test_a_request_without_credentials_is_401_and_a_wrong_token_too(drafter):
    note = make_note(drafter)
    assert APIClient().get(url(note)).status_code == 401
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-key")
    assert client.get(url(note)).status_code == 401


def test_lists_are_paginated(drafter):
    for _index in range(3):
        make_note(drafter)
    response = token_client(drafter).get("/api/v1/notes/?page_size=2")
    assert response.json()["count"] == 3 and len(response.json()["results"]) == 2
    assert token_client(drafter).get("/api/v1/notes/?page=99").status_code == 404


def test_errors_are_in_the_language_the_client_asks_for(drafter):
    note = make_note(drafter)
    response = token_client(drafter).patch(
        url(note), {"revision": 1, "opening": {"de": "Hallo"}}, format="json",
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["opening"] == [
        "«de» не входит в число языков (en, ru, kk)."
    ]
