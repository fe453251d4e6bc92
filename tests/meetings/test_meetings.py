"""Meetings kept by registrars and administrators, in every language, and documents tagged
with them (audited; a tag changes nothing of an issued document)."""

import datetime

import pytest

from cica_docs.audit.models import AuditEvent
from cica_docs.documents.models import Revision
from cica_docs.meetings.models import DocumentMeeting, Meeting

pytestmark = pytest.mark.django_db

FORM = {"kind": "soc", "starts_on": "2026-12-10", "ends_on": "2026-12-11",
        "title_en": "Senior Officials Committee, second meeting of 2026",
        "title_ru": "Второе заседание Комитета старших должностных лиц 2026 года",
        "title_kk": "Аға лауазымды тұлғалар комитетінің 2026 жылғы екінші отырысы",
        "place_en": "Astana", "place_ru": "Астана", "place_kk": "Астана"}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_meeting_is_saved_in_every_language_whatever_the_interface(
        client, registrar, language):
    client.force_login(registrar)
    response = client.post(f"/{language}/meetings/add/", FORM)
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.title_en, meeting.title_ru, meeting.title_kk) == (
        FORM["title_en"], FORM["title_ru"], FORM["title_kk"])
    assert meeting.place_ru == "Астана" and meeting.starts_on == datetime.date(2026, 12, 10)
    # edited under another language: only what was changed changes
    changed = {**FORM, "title_kk": "Аға лауазымды тұлғалар комитетінің отырысы"}
    client.post(f"/{language}/meetings/{meeting.pk}/", changed)
    meeting.refresh_from_db()
    assert (meeting.title_en, meeting.title_ru, meeting.title_kk) == (
        FORM["title_en"], FORM["title_ru"], "Аға лауазымды тұлғалар комитетінің отырысы")
    assert AuditEvent.objects.filter(action__in=["meeting.create", "meeting.update"]).count() == 2
    listing = client.get(f"/{language}/meetings/")
    assert getattr(meeting, f"title_{language}") in listing.text


def test_bad_input_is_told_and_nothing_is_saved_nor_lost(client, admin_user):
    client.force_login(admin_user)
    bad = {**FORM, "ends_on": "2026-12-01", "title_kk": ""}
    response = client.post("/ru/meetings/add/", bad)
    assert response.status_code == 200
    assert "Последний день не может быть раньше первого." in response.text
    assert FORM["title_ru"] in response.text  # what was typed is kept
    assert not Meeting.objects.exists()


def test_tagging_an_issued_document_is_audited_and_changes_none_of_it(
        client, registrar, issue):
    note = issue()
    meeting = Meeting.objects.create(kind="summit", title_en="Summit", title_ru="Саммит",
                                     title_kk="Саммит", starts_on="2026-10-01",
                                     ends_on="2026-10-02")
    revisions = Revision.objects.filter(document=note).count()
    state = (note.state, note.revision_number, note.number)
    client.force_login(registrar)
    page = client.get(f"/kk/work/{note.pk}/")
    assert "Саммит" in page.text and f"/kk/meetings/documents/{note.pk}/" in page.text
    response = client.post(f"/kk/meetings/documents/{note.pk}/", {"meetings": [meeting.pk]})
    assert response.status_code == 302
    assert list(DocumentMeeting.objects.values_list("document_id", "meeting_id")) == [
        (note.pk, meeting.pk)]
    note.refresh_from_db()
    assert (note.state, note.revision_number, note.number) == state
    assert Revision.objects.filter(document=note).count() == revisions
    event = AuditEvent.objects.get(action="document.meetings")
    assert event.detail["added"] == [meeting.pk]
    client.post(f"/kk/meetings/documents/{note.pk}/", {"meetings": []})
    assert not DocumentMeeting.objects.exists()
    # a forged meeting id: a message, no change
    response = client.post(f"/kk/meetings/documents/{note.pk}/", {"meetings": ["999999999"]},
                           follow=True)
    assert not DocumentMeeting.objects.exists()
    assert response.status_code == 200


def test_the_demo_adds_its_meetings_and_tags_its_documents_once(settings):
    import io

    from django.core.management import call_command

    settings.DEMO = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("demo", stdout=io.StringIO())
    tags = sorted(DocumentMeeting.objects.values_list("document_id", "meeting__kind"))
    assert Meeting.objects.count() == 2 and len(tags) == 2
    assert {kind for _, kind in tags} == {"soc", "summit"}
    call_command("demo", stdout=io.StringIO())
    assert Meeting.objects.count() == 2
    assert sorted(DocumentMeeting.objects.values_list("document_id", "meeting__kind")) == tags
