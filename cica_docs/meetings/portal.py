"""What the delegates' portal adds to its inbox from this app: the meetings a state's
documents concern, and what is new since the delegate's last visit.

Everything here narrows or annotates a queryset of dispatches that already went through the
portal's one scoping rule (`circulation.selectors.inbox`); nothing here widens it.

A *visit* is one session of the delegate: the first inbox view of a new session starts a
visit, and the previous visit is taken to have ended at the last inbox view before it
(`PortalVisit.previous_at`). A document is *new since my last visit* when it reached the
state, was withdrawn, or a correction of it reached the state after that moment — and the
delegate has not opened its page since that change. At the very first visit everything
not yet opened is new."""

import datetime

from django.db.models import DateTimeField, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from cica_docs.circulation.models import Dispatch
from cica_docs.documents.models import WorkflowEvent

from .models import DocumentMeeting, DocumentSeen, Meeting, PortalVisit

SESSION_KEY = "portal_visit"
NEVER = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def inbox_viewed(request):
    """Record an inbox view; returns when the previous visit ended (None at the first)."""
    visit, _created = PortalVisit.objects.get_or_create(user=request.user)
    if not request.session.get(SESSION_KEY):
        visit.previous_at = visit.last_at
        request.session[SESSION_KEY] = True
    visit.last_at = timezone.now()
    visit.save(update_fields=["previous_at", "last_at"])
    return visit.previous_at


def document_seen(user, document) -> None:
    DocumentSeen.objects.update_or_create(user=user, document_id=document.pk,
                                          defaults={"at": timezone.now()})


def with_changes(dispatches, user, since):
    """Annotate each dispatch with `changed_at` (it arrived, its document was withdrawn, a
    correction of it reached the state: the latest) and `is_new` (changed after `since`
    and not opened by `user` since the change)."""
    withdrawn = WorkflowEvent.objects.filter(
        document_id=OuterRef("document_id"), action="withdraw").order_by("-at").values("at")[:1]
    corrected = Dispatch.objects.visible_to(user).filter(
        document__corrects_id=OuterRef("document_id")).order_by("-dispatched_at").values(
        "dispatched_at")[:1]
    arrived = F("dispatched_at")
    dispatches = dispatches.annotate(changed_at=Greatest(
        arrived,
        Coalesce(Subquery(withdrawn, output_field=DateTimeField()), arrived),
        Coalesce(Subquery(corrected, output_field=DateTimeField()), arrived),
    ))
    seen = DocumentSeen.objects.filter(user=user, document_id=OuterRef("document_id"),
                                       at__gte=OuterRef("changed_at"))
    after = Q(changed_at__gt=since or Value(NEVER, output_field=DateTimeField()))
    return dispatches.annotate(seen_since=Exists(seen)).annotate(
        is_new=Q(after) & Q(seen_since=False))


def by_meeting(dispatches, *, meeting=None, topic: str = ""):
    """Only the dispatches whose document concerns `meeting`, or a meeting of kind `topic`."""
    if meeting is not None:
        dispatches = dispatches.filter(Exists(DocumentMeeting.objects.filter(
            document_id=OuterRef("document_id"), meeting=meeting)))
    if topic:
        dispatches = dispatches.filter(Exists(DocumentMeeting.objects.filter(
            document_id=OuterRef("document_id"), meeting__kind=topic)))
    return dispatches


def meetings_of(dispatches):
    """The meetings the documents of `dispatches` concern, soonest last, each with how many
    of them (`documents`) — one query."""
    from django.db.models import Count

    tagged = DocumentMeeting.objects.filter(
        document_id__in=dispatches.values("document_id")).values("meeting_id")
    return Meeting.objects.filter(pk__in=tagged).annotate(
        documents=Count("document_tags", filter=Q(
            document_tags__document_id__in=dispatches.values("document_id")), distinct=True))


def page_meetings(document_ids) -> dict[int, list[Meeting]]:
    """The meetings of each of these documents (one query)."""
    found: dict[int, list[Meeting]] = {}
    for tag in DocumentMeeting.objects.filter(document_id__in=document_ids).select_related(
            "meeting").order_by("meeting__starts_on", "meeting_id"):
        found.setdefault(tag.document_id, []).append(tag.meeting)
    return found
