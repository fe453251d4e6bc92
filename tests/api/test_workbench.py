"""Sign-off, "checked" and XLIFF through the API: the workbench's and the XLIFF import's
own services, their refusals translated into 403, 409 and 400."""

import xml.etree.ElementTree as ET

import pytest

from cica_docs.documents.models import Revision
from cica_docs.workbench.models import LanguageCheck, SignOff
from tests.factories import make_note, note_content
from tests.workbench.conftest import reviser_of

from .conftest import token_client

pytestmark = pytest.mark.django_db
NS = {"x": "urn:oasis:names:tc:xliff:document:2.0"}


def _sign(client, note, language, **extra):
    return client.post(f"/api/v1/notes/{note.pk}/sign-off/", {"language": language, **extra},
                       format="json")


def test_a_reviser_of_the_language_signs_it_off_and_the_document_says_who(drafter):
    note = make_note(drafter)
    reviser = reviser_of("reviser.ru", "ru")
    response = _sign(token_client(reviser), note, "ru")
    assert response.status_code == 200, response.json()
    signoff = response.json()["signoff"]
    assert signoff["required"] is True  # NCT/CT
    assert signoff["languages"]["ru"]["signed_off"]["reviser"] == "reviser.ru"
    assert signoff["languages"]["ru"]["signed_off"]["revision"] == 1
    assert signoff["languages"]["kk"]["signed_off"] is None
    detail = token_client(drafter).get(f"/api/v1/notes/{note.pk}/").json()["signoff"]
    assert detail == signoff


def test_someone_without_the_language_right_gets_403_and_nothing_is_recorded(drafter):
    note = make_note(drafter)
    other = reviser_of("reviser.kk", "kk")
    for user in (drafter, other):
        response = _sign(token_client(user), note, "ru")
        assert response.status_code == 403
        assert response.json()["detail"] == "Only a reviser of this language may sign it off."
    assert not SignOff.objects.exists()


def test_a_sign_off_of_an_older_revision_is_a_409_in_the_readers_language(drafter):
    note = make_note(drafter)
    reviser = reviser_of("reviser.ru", "ru")
    client = token_client(reviser)
    response = client.post(f"/api/v1/notes/{note.pk}/sign-off/", {"language": "ru",
                           "revision": 5}, format="json", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 409
    assert "Ничего не записано" in response.json()["detail"]
    assert not SignOff.objects.exists()


def test_a_text_change_withdraws_the_sign_off_and_the_api_shows_it(drafter):
    note = make_note(drafter)
    reviser = reviser_of("reviser.ru", "ru")
    assert _sign(token_client(reviser), note, "ru").status_code == 200
    client = token_client(drafter)
    response = client.patch(f"/api/v1/notes/{note.pk}/", {"revision": 1, "body": {
        "ru": "Вопрос будет рассмотрен позднее."}}, format="json")
    assert response.status_code == 200, response.json()
    ru = response.json()["signoff"]["languages"]["ru"]
    assert ru["signed_off"] is None
    assert ru["withdrawn"]["reviser"] == "reviser.ru" and ru["withdrawn"]["revision"] == 1


def test_a_drafter_marks_a_language_checked(drafter):
    note = make_note(drafter)
    response = token_client(drafter).post(f"/api/v1/notes/{note.pk}/check/",
                                          {"language": "kk", "revision": 1}, format="json")
    assert response.status_code == 200
    assert response.json()["signoff"]["languages"]["kk"]["checked"] == 1
    assert LanguageCheck.objects.filter(document=note, language="kk").count() == 1


def test_a_language_the_document_is_not_in_is_a_409(drafter):
    note = make_note(drafter, languages=("en", "ru"))
    response = token_client(drafter).post(f"/api/v1/notes/{note.pk}/check/",
                                          {"language": "kk"}, format="json")
    assert response.status_code == 409
    assert not LanguageCheck.objects.exists()


def _export(client, note, lang="kk"):
    response = client.get(f"/api/v1/notes/{note.pk}/xliff/{lang}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xliff+xml")
    return ET.fromstring(response.content)


@pytest.mark.parametrize("how", ["multipart", "raw"])
def test_xliff_round_trip_through_the_api(drafter, how):
    note = make_note(drafter)
    client = token_client(drafter)
    root = _export(client, note)
    body = next(u for u in root.iterfind(".//x:unit", NS) if u.get("id") == "body.1")
    body.find("x:segment/x:target", NS).text = "Мәселе кейінірек қаралады."
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    url = f"/api/v1/notes/{note.pk}/xliff/"
    if how == "multipart":
        from django.core.files.uploadedfile import SimpleUploadedFile

        response = client.post(url, {"file": SimpleUploadedFile("kk.xlf", data)},
                               format="multipart")
    else:
        response = client.generic("POST", url, data, content_type="application/xliff+xml")
    assert response.status_code == 200, response.json()
    assert response.json()["revision"] == 2
    before = Revision.objects.get(document=note, number=1).content
    after = Revision.objects.get(document=note, number=2).content
    assert after["fields"]["body"]["kk"] == "Мәселе кейінірек қаралады."
    assert after["fields"]["body"]["ru"] == before["fields"]["body"]["ru"]
    assert after["fields"]["body"]["en"] == before["fields"]["body"]["en"]
    assert after["title"] == before["title"]


@pytest.mark.parametrize("data, message", [
    (b"<xliff", "The file is not well-formed XML; it may be damaged."),
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
     "The file declares a DTD or entities"),
])
def test_a_bad_xliff_file_is_a_400_and_nothing_is_saved(drafter, data, message):
    note = make_note(drafter)
    response = token_client(drafter).generic("POST", f"/api/v1/notes/{note.pk}/xliff/", data,
                                             content_type="application/xliff+xml")
    assert response.status_code == 400
    assert response.json()["errors"]["file"][0].startswith(message)
    assert response.json()["detail"].startswith(message)
    assert note.revisions.count() == 1


def test_markup_in_a_target_is_refused_with_its_unit(drafter):
    note = make_note(drafter)
    client = token_client(drafter)
    root = _export(client, note)
    root.find(".//x:target", NS).text = "<script>alert(1)</script>"
    response = client.generic("POST", f"/api/v1/notes/{note.pk}/xliff/",
                              ET.tostring(root, encoding="utf-8"),
                              content_type="application/xliff+xml")
    assert response.status_code == 400
    assert note.revisions.count() == 1


def test_an_import_without_a_file_is_a_400(drafter):
    note = make_note(drafter)
    response = token_client(drafter).post(f"/api/v1/notes/{note.pk}/xliff/", {},
                                          format="json")
    assert response.status_code == 400 and "file" in response.json()["errors"]


def test_export_of_the_source_language_or_a_missing_revision_is_404(drafter):
    note = make_note(drafter, **{})
    client = token_client(drafter)
    assert client.get(f"/api/v1/notes/{note.pk}/xliff/en/").status_code == 404
    assert client.get(f"/api/v1/notes/{note.pk}/xliff/kk/?revision=9").status_code == 404
    assert client.get(f"/api/v1/notes/{note.pk}/xliff/kk/?revision=1").status_code == 200


def test_the_series_without_the_rule_says_so(drafter):
    from cica_docs.documents.models import Series

    series = Series.objects.create(code="CICA/FREE")
    note = make_note(drafter, series=series)
    assert note_content(series=series)["series"] == series.pk
    data = token_client(drafter).get(f"/api/v1/notes/{note.pk}/").json()["signoff"]
    assert data["required"] is False

