"""Demo meetings: the next SOC meeting and the Summit, and the demo's own issued documents
tagged with them (the first with the SOC meeting, the next with the Summit), so that the
portal's inbox shows its "By meeting" groups after `make run`. Only meetings and documents
the demo created are touched; a tag someone removed is not put back."""

import datetime

from django.utils import timezone

from cica_docs.accounts.demo_records import demo_object, demo_objects, demo_remember
from cica_docs.documents.models import Document

from .models import DocumentMeeting, Meeting

PHASE = 2  # after the document kinds' demos: it tags what they issued

MEETINGS = {
    "meeting:soc": dict(
        kind=Meeting.Kind.SOC, days=(20, 21),
        title_en="Meeting of the Senior Officials Committee",
        title_ru="Заседание Комитета старших должностных лиц",
        title_kk="Аға лауазымды тұлғалар комитетінің отырысы",
        place_en="Astana", place_ru="Астана", place_kk="Астана"),
    "meeting:summit": dict(
        kind=Meeting.Kind.SUMMIT, days=(90, 91),
        title_en="CICA Summit",
        title_ru="Саммит СВМДА",
        title_kk="АӨСШК саммиті",
        place_en="Baku", place_ru="Баку", place_kk="Баку"),
}


def load(*, users) -> None:
    today = timezone.localdate()
    meetings = []
    for key, values in MEETINGS.items():
        meeting = demo_object(key, Meeting)
        if meeting is None:
            values = dict(values)
            first, last = values.pop("days")
            meeting = Meeting.objects.create(
                starts_on=today + datetime.timedelta(days=first),
                ends_on=today + datetime.timedelta(days=last), **values)
            demo_remember(key, meeting)
        meetings.append(meeting)
    issued = demo_objects(Document).filter(state=Document.State.ISSUED,
                                           enclosed_in__isnull=True).order_by("pk")
    for document, meeting in zip(issued, meetings, strict=False):
        key = f"meeting-tag:{document.pk}"
        if demo_object(key, DocumentMeeting) is None and not DocumentMeeting.objects.filter(
                document=document).exists():
            tag = DocumentMeeting.objects.create(document=document, meeting=meeting,
                                                 tagged_by=users["registrar"])
            demo_remember(key, tag)
