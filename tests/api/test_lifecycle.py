"""The whole life of a note, driven through the JSON API only."""

import pytest

from cica_docs.documents.models import Document
from tests.factories import REFERENCE, signed_off
from tests.rendering.conftest import pdftotext

from .conftest import token_client

pytestmark = pytest.mark.django_db


def test_a_note_is_drafted_edited_approved_issued_and_downloaded_through_the_api_alone(
    admin_user, drafter, reviewer, registrar, delegate_kz, delegate_in,
    django_capture_on_commit_callbacks, smtp_server,
):
    admin, drafting = token_client(admin_user), token_client(drafter)
    reviewing, registering = token_client(reviewer), token_client(registrar)

    response = admin.post("/api/v1/series/", {"code": "NCT/CT", "next_number": 274},
                          format="json")
    assert response.status_code == 201, response.json()
    response = admin.post("/api/v1/addressees/", {
        "code": "cica-partners",
        "dative": {"en": "the CICA Partners", "ru": "партнерам СВМДА",
                   "kk": "Азия Кеңесінің серіктестеріне"},
        "block": {"en": "CICA PARTNERS", "ru": "ПАРТНЕРЫ СВМДА", "kk": "АӨСШК СЕРІКТЕСТЕРІ"},
        "block_in_capitals": True,
    }, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["block_in_capitals"] is True

    response = drafting.post("/api/v1/concept-papers/", {
        "languages": ["en", "ru"], "paper_date": "2024-03-01",
        "title": {"en": "on Relations with the UN Office of Counter-Terrorism",
                  "ru": "об отношениях с Контртеррористическим управлением ООН"},
        "body": {"en": "# INTRODUCTION\n\nThe paper sets out the terms of cooperation.",
                 "ru": "# ВВЕДЕНИЕ\n\nВ документе изложены условия сотрудничества."},
    }, format="json")
    assert response.status_code == 201, response.json()
    paper = response.json()
    assert paper["author"]["en"] == "CICA Secretariat"
    for client, action in ((drafting, "submit"), (reviewing, "approve")):
        response = client.post(f"/api/v1/concept-papers/{paper['id']}/{action}/", {},
                               format="json")
        assert response.status_code == 200, response.json()

    response = drafting.post("/api/v1/notes/", {
        "enclosures": [{"concept_paper": paper["id"]}],
        "series": "NCT/CT", "addressee": "cica-partners", "languages": ["en", "ru", "kk"],
        "title": REFERENCE["title"], "opening": REFERENCE["opening"],
        "body": {"en": REFERENCE["body"]["en"]},
    }, format="json")
    assert response.status_code == 201, response.json()
    note = response.json()
    assert note["status"] == "draft" and note["revision"] == 1
    assert note["enclosures"] == [{"concept_paper": paper["id"]}]
    assert note["translation_status"] == {"en": "complete", "ru": "complete", "kk": "complete"}

    response = drafting.patch(f"/api/v1/notes/{note['id']}/", {
        "revision": 1, "body": {"ru": REFERENCE["body"]["ru"], "kk": REFERENCE["body"]["kk"]},
        "comment": "Russian and Kazakh body",
    }, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["revision"] == 2
    assert response.json()["body"] == REFERENCE["body"]

    revisions = drafting.get(f"/api/v1/notes/{note['id']}/revisions/").json()
    assert [r["number"] for r in revisions["results"]] == [2, 1]
    assert revisions["results"][0]["comment"] == "Russian and Kazakh body"

    for client, action in ((drafting, "submit"), (reviewing, "approve")):
        response = client.post(f"/api/v1/notes/{note['id']}/{action}/", {}, format="json")
        assert response.status_code == 200, response.json()
    assert response.json()["status"] == "approved"
    # The series NCT/CT waits for every language's sign-off (revisers sign off in the
    # workbench, not through the API).
    signed_off(Document.objects.get(pk=note["id"]))

    with django_capture_on_commit_callbacks(execute=True):
        response = registering.post(f"/api/v1/notes/{note['id']}/issue/",
                                    {"date": "2024-03-06",
                                     "backdating_reason": "Signed on 6 March."},
                                    format="json")
    assert response.status_code == 200, response.json()
    issued = response.json()
    assert (issued["status"], issued["number"], issued["symbol"], issued["date"]) == (
        "issued", 274, "NCT/CT/274", "2024-03-06")

    texts = {}
    for lang in ("en", "ru", "kk"):
        response = registering.get(f"/api/v1/notes/{note['id']}/pdf/?lang={lang}")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        texts[lang] = pdftotext(b"".join(response.streaming_content))
    assert "Astana, 6 March 2024" in texts["en"]
    assert "город Астана, 6 марта 2024 года" in texts["ru"]
    assert "Астана қаласы, 2024 жылғы 6 наурыз" in texts["kk"]
    package = registering.get(f"/api/v1/notes/{note['id']}/package/")
    assert package.status_code == 200
    package_text = pdftotext(b"".join(package.streaming_content))
    # The number line of each copy (the verification lines name the number too).
    assert [line.strip() for line in package_text.splitlines()].count("№ NCT/CT/274") == 3
    assert "The paper sets out the terms of cooperation." in package_text
    assert "В документе изложены условия сотрудничества." in package_text

    # Circulation: the registrar dispatches to a list of two states; the Kazakh delegation
    # receives and downloads it, the Indian one (not on the list) sees nothing of it.
    states = {s["code"]: s["id"] for s in admin.get("/api/v1/member-states/?page_size=100")
              .json()["results"]}
    response = admin.post("/api/v1/circulation-lists/", {
        "name": {"en": "Central Asia", "ru": "Центральная Азия", "kk": "Орталық Азия"},
        "member_states": [states["KAZ"], states["KGZ"]],
    }, format="json")
    assert response.status_code == 201, response.json()
    circulation_list = response.json()["id"]
    with django_capture_on_commit_callbacks(execute=True):
        response = registering.post(f"/api/v1/notes/{note['id']}/dispatch/",
                                    {"circulation_list": circulation_list}, format="json")
    assert response.status_code == 201, response.json()
    assert sorted(response.json()["member_states"]) == ["KAZ", "KGZ"]
    again = registering.post(f"/api/v1/notes/{note['id']}/dispatch/",
                             {"circulation_list": circulation_list}, format="json")
    assert again.status_code == 409
    assert [m["To"] for m in smtp_server.messages] == [delegate_kz.email]

    kazakh, indian = token_client(delegate_kz), token_client(delegate_in)
    inbox = kazakh.get("/api/v1/inbox/").json()["results"]
    assert [(item["id"], item["symbol"]) for item in inbox] == [(note["id"], "NCT/CT/274")]
    assert indian.get("/api/v1/inbox/").json()["results"] == []
    for lang in ("en", "ru", "kk"):
        response = kazakh.get(f"/api/v1/notes/{note['id']}/pdf/?lang={lang}")
        assert response.status_code == 200
        assert "№ NCT/CT/274" in pdftotext(b"".join(response.streaming_content))
    assert kazakh.get(f"/api/v1/notes/{note['id']}/package/").status_code == 200
    for path in (f"notes/{note['id']}/package/", f"notes/{note['id']}/pdf/?lang=ru",
                 f"notes/{note['id']}/"):
        assert indian.get(f"/api/v1/{path}").status_code == 404

    assert inbox[0]["acknowledged"] is False
    acknowledged = kazakh.post(f"/api/v1/inbox/{note['id']}/acknowledge/")
    assert acknowledged.status_code == 201, acknowledged.content
    assert acknowledged.json()["member_state"] == "KAZ"
    assert kazakh.post(f"/api/v1/inbox/{note['id']}/acknowledge/").status_code == 200
    assert indian.post(f"/api/v1/inbox/{note['id']}/acknowledge/").status_code == 404
    assert kazakh.get("/api/v1/inbox/").json()["results"][0]["acknowledged"] is True

    receipts = registering.get(f"/api/v1/notes/{note['id']}/receipts/").json()["results"]
    files = [r for r in receipts if r["mode"] != "acknowledge"]
    assert sorted(r["language"] for r in files) == ["en", "kk", "package", "ru"]
    assert {(r["user"], r["member_state"]) for r in receipts} == {("delegate.kz", "KAZ")}
    assert [r["language"] for r in receipts if r["mode"] == "acknowledge"] == [""]
