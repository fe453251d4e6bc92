"""The letterhead and its emblem on the administrators' reference data pages: each language
kept in its column, a PDF preview (through the renderer, read back with pdftotext) of what
was typed before anything is saved, the emblem checked (type, size, dimensions), stored
through the configured storage under a name the print accepts, and never at a public URL."""

import io

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from cica_docs.accounts import roles
from cica_docs.audit.models import AuditEvent
from cica_docs.letterhead.models import Letterhead
from tests.conftest import make_user
from tests.html_forms import form_data
from tests.rendering.conftest import pdftotext

pytestmark = pytest.mark.django_db

URL = "/{}/manage/reference/letterhead/"
FIELDS = ("sender_full", "sender_short", "place", "letterhead", "enclosure_template")
COLUMNS = tuple(f"{name}_{code}" for name in FIELDS for code in ("en", "ru", "kk"))


def image(kind="PNG", size=(200, 120), colour=(20, 60, 140)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, kind)
    return out.getvalue()


def columns() -> dict:
    current = Letterhead.current()
    return {name: getattr(current, name) for name in (*COLUMNS, "emblem")}


@pytest.fixture
def manager(client, db):
    client.force_login(make_user("secretariat.admin", roles.ADMIN))
    return client


def page_data(client, language="en"):
    return form_data(client.get(URL.format(language)).text, containing="sender_full_en")


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_saving_the_letterhead_in_any_language_changes_only_the_column_edited(
    manager, language
):
    before = columns()
    assert all(before[name] for name in COLUMNS)
    data = page_data(manager, language)
    data["place_kk"] = ["Астана"]
    response = manager.post(URL.format(language), data)
    assert response.status_code == 302, response.text[:3000]
    assert columns() == {**before, "place_kk": "Астана"}
    event = AuditEvent.objects.filter(action="letterhead.update").latest("pk")
    assert event.detail["changed"] == ["place_kk"]


def test_an_unknown_placeholder_is_refused_with_the_typed_text_kept(manager):
    before = columns()
    data = page_data(manager)
    data["enclosure_template_ru"] = ["Приложение: упомянутое, на {pgaes} л."]
    response = manager.post(URL.format("en"), data)
    assert response.status_code == 200
    assert "“{pgaes}” is not a placeholder here; use {pages}." in response.text
    assert "Приложение: упомянутое, на {pgaes} л." in response.text
    assert columns() == before


def test_the_pdf_preview_prints_what_was_typed_in_every_language_and_saves_nothing(manager):
    before = columns()
    data = page_data(manager)
    data["letterhead_en"] = ["SECRETARIAT OF CICA — PREVIEW LINE"]
    data["place_ru"] = ["город Алматы"]
    data["sender_full_kk"] = ["Азия Кеңесінің Хатшылығы (сынақ)"]
    data["_pdf"] = ["1"]
    response = manager.post(URL.format("kk"), data)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdftotext(response.content)
    assert "SECRETARIAT OF CICA — PREVIEW LINE" in text
    assert "город Алматы" in text
    assert "Азия Кеңесінің Хатшылығы (сынақ)" in " ".join(text.split())
    assert "presents its compliments to the CICA Member States" in " ".join(text.split())
    assert columns() == before
    assert not AuditEvent.objects.filter(action="letterhead.update").exists()


def test_an_emblem_uploaded_is_stored_under_a_safe_name_audited_and_printed(manager):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = page_data(manager)
    data["emblem_file"] = SimpleUploadedFile("Эмблема СВМДА.png", image(), "image/png")
    response = manager.post(URL.format("ru"), data)
    assert response.status_code == 302, response.text[:3000]
    name = Letterhead.current().emblem.name
    assert name.startswith("letterhead/emblem-") and name.endswith(".png")
    assert default_storage.exists(name)
    event = AuditEvent.objects.filter(action="letterhead.update").latest("pk")
    assert event.detail["changed"] == ["emblem"] and event.detail["after"]["emblem"] == name
    shown = manager.get(URL.format("en")).text
    assert 'src="data:image/png;base64,' in shown and "/media/" not in shown
    # The Django admin is closed to the Secretariat administrator; nothing serves /media/.
    assert manager.get("/media/" + name).status_code == 404


@pytest.mark.parametrize(("upload", "message"), [
    (("emblem.png", b"<html><script>alert(1)</script></html>"),
     "This file is not a PNG or JPEG image that can be read."),
    (("emblem.gif", image("GIF")), "The emblem must be a PNG or JPEG image; this file is GIF."),
    (("emblem.png", image(size=(40, 300))),
     "The emblem is 40 × 300 pixels; each side must be between 64 and 4000 pixels."),
    (("emblem.jpg", b"\xff\xd8" + b"0" * (2 * 1024 * 1024 + 10)),
     "it may be at most 2048 KB."),
], ids=["not-an-image", "gif", "too-narrow", "too-heavy"])
def test_a_bad_emblem_is_refused_with_the_reason_and_nothing_saved(manager, upload, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = columns()
    data = page_data(manager)
    data["place_en"] = ["Astana city"]  # typed along with the bad file: kept, not saved
    data["emblem_file"] = SimpleUploadedFile(upload[0], upload[1])
    response = manager.post(URL.format("en"), data)
    assert response.status_code == 200
    assert message in response.text.replace("&#x27;", "'")
    assert 'value="Astana city"' in response.text
    assert columns() == before


def test_unwritable_storage_is_a_clear_message_and_nothing_saved(manager, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the storage folder should be")
    settings.MEDIA_ROOT = blocker
    before = columns()
    data = page_data(manager)
    data["emblem_file"] = SimpleUploadedFile("emblem.png", image(), "image/png")
    response = manager.post(URL.format("en"), data)
    assert response.status_code == 200
    assert "The emblem could not be stored" in response.text
    assert columns() == before


def test_a_staff_flag_does_not_open_the_django_admin_to_a_secretariat_administrator(
    client, admin_user
):
    staff_admin = make_user("staff.admin", roles.ADMIN, is_staff=True)
    client.force_login(staff_admin)
    response = client.get("/en/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.get("/en/admin/letterhead/letterhead/").status_code == 302
    assert "Administration" not in client.get("/en/manage/reference/").text
    client.force_login(admin_user)  # a superuser
    assert client.get("/en/admin/").status_code == 200
