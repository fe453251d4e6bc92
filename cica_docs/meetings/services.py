"""Meetings and the tags that link documents to them: created, changed and tagged by staff,
each change in the audit log. A tag never touches the document's text, revisions or PDFs."""

from django.db import transaction

from cica_docs.audit.log import record
from cica_docs.translated import translations_assign

from .models import DocumentMeeting, Meeting


def can_manage(user) -> bool:
    """Registrars and administrators keep the meetings and tag documents with them."""
    return user.has_perm("accounts.register_documents") or user.has_perm(
        "accounts.manage_reference_data")


@transaction.atomic
def meeting_save(*, by, meeting: Meeting | None = None, kind: str, titles: dict[str, str],
                 places: dict[str, str], starts_on, ends_on, request=None) -> Meeting:
    created = meeting is None
    meeting = Meeting() if created else Meeting.objects.select_for_update().get(pk=meeting.pk)
    meeting.kind, meeting.starts_on, meeting.ends_on = kind, starts_on, ends_on
    translations_assign(meeting, "title", titles)
    translations_assign(meeting, "place", places)
    meeting.full_clean()
    meeting.save()
    record(action="meeting.create" if created else "meeting.update", actor=by, request=request,
           target=meeting, kind=kind, starts_on=str(starts_on), ends_on=str(ends_on),
           titles=titles)
    return meeting


@transaction.atomic
def document_meetings_set(*, document, meetings, by, request=None) -> tuple[list, list]:
    """Tag `document` with exactly `meetings`; returns (added, removed) meeting ids."""
    wanted = {meeting.pk for meeting in meetings}
    current = set(DocumentMeeting.objects.filter(document_id=document.pk)
                  .values_list("meeting_id", flat=True))
    added, removed = sorted(wanted - current), sorted(current - wanted)
    DocumentMeeting.objects.bulk_create(
        [DocumentMeeting(document_id=document.pk, meeting_id=pk, tagged_by=by) for pk in added])
    DocumentMeeting.objects.filter(document_id=document.pk, meeting_id__in=removed).delete()
    if added or removed:
        record(action="document.meetings", actor=by, request=request, target=document,
               added=added, removed=removed)
    return added, removed
