"""Work queues per role: what is waiting for each person, on the landing page after login and
counted in the navigation.

- drafter: "Returned to me" (my drafts whose last step was a return), "My drafts";
- reviewer: "Awaiting my review";
- registrar: "Ready to issue", "Awaiting sign-off" (approved, but the series is issued only
  when every language is signed off, and one is not: workbench/gate.py), "Issued, not
  dispatched", "Failed renders or notices";
- reviser of a language (workbench.LanguageRight): "Awaiting my sign-off" (approved documents
  held by the gate for want of a sign-off in one of their languages);
- everyone: "Assigned to me" (`assignments.py`), with its due date.

In every queue a document whose assignment is overdue comes first.

Each queue is one condition on `Document`, so that the counts of all of a person's queues
are one query (`queue_counts`: one scalar subquery per queue, each planned on its own, so
each reads only its own rows through an index) and each list one more.
"""

from dataclasses import dataclass

from django.db import connections, router
from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from cica_docs.circulation.models import Dispatch, Notice
from cica_docs.documents.models import Document, IssuedEnclosure, WorkflowEvent
from cica_docs.issuing.models import Rendering
from cica_docs.workbench.models import LanguageRight
from cica_docs.workbench.signoffs import awaiting_signoff, free_to_issue

S = Document.State
REVISER = "reviser"  # not a permission: the user revises a language (workbench.LanguageRight)
SHOWN = 20  # items of a queue listed on the landing page; the count says how many in all


@dataclass(frozen=True)
class Queue:
    key: str
    label: object
    permission: str
    empty: object  # what the page says when nothing waits
    urgent: bool = True  # counted in the navigation's total


QUEUES = (
    Queue("assigned", _("Assigned to me"), "accounts.view_secretariat_work",
          _("Nothing is assigned to you.")),
    Queue("returned", _("Returned to me"), "accounts.draft_documents",
          _("None of your drafts was returned.")),
    Queue("mine", _("My drafts"), "accounts.draft_documents",
          _("You have no draft."), urgent=False),
    Queue("review", _("Awaiting my review"), "accounts.review_documents",
          _("Nothing awaits review.")),
    Queue("ready", _("Ready to issue"), "accounts.register_documents",
          _("No approved document waits to be issued.")),
    Queue("signoff", _("Awaiting sign-off"), "accounts.register_documents",
          _("No approved document waits for a reviser's sign-off."), urgent=False),
    Queue("my_signoff", _("Awaiting my sign-off"), REVISER,
          _("No approved document waits for your sign-off.")),
    Queue("undispatched", _("Issued, not dispatched"), "accounts.register_documents",
          _("Every issued document has been dispatched.")),
    Queue("failed", _("Failed renders or notices"), "accounts.register_documents",
          _("No rendering or notice has failed.")),
)


def _last_action():
    return Subquery(WorkflowEvent.objects.filter(document_id=OuterRef("pk"))
                    .order_by("-at", "-pk").values("action")[:1], output_field=CharField())


def condition(key: str, user) -> Q:
    """The documents in queue `key` for `user`: one condition, no annotation, so that the
    counts of several queues are one aggregate."""
    if key == "assigned":
        return Q(assignment__assignee=user, state__in=(S.DRAFT, S.SUBMITTED, S.APPROVED))
    if key == "returned":
        return Q(Exact(_last_action(), Value("return")), state=S.DRAFT, created_by=user)
    if key == "mine":
        return Q(state=S.DRAFT, created_by=user)
    if key == "review":
        return Q(state=S.SUBMITTED)
    if key == "ready":
        return Q(state=S.APPROVED) & free_to_issue()
    if key == "signoff":
        return Q(state=S.APPROVED) & awaiting_signoff()
    if key == "my_signoff":
        return Q(state=S.APPROVED) & awaiting_signoff(reviser=user)
    if key == "undispatched":
        # An enclosure goes out in its note's package: the note is what waits, not it.
        enclosed = IssuedEnclosure.objects.filter(enclosed_id=OuterRef("pk"))
        return (Q(state=S.ISSUED) & ~Q(Exists(Dispatch.objects.filter(document_id=OuterRef("pk"))))
                & ~Q(Exists(enclosed)))
    if key == "failed":
        # From the few failures to their documents (one IN over both kinds of failure), not
        # from every issued document to its failures.
        failed = Rendering.objects.filter(status=Rendering.Status.FAILED).values("document_id")
        notices = Notice.objects.filter(status=Notice.Status.FAILED).values(
            "dispatch__document_id")
        return Q(state__in=Document.FROZEN_STATES, pk__in=failed.union(notices))
    raise KeyError(key)


def _revises(user) -> bool:
    """Whether `user` revises a language; read once per user object (queue_counts reads it
    in its own query)."""
    if not hasattr(user, "_cica_revises"):
        user._cica_revises = _rights(user).exists()
    return user._cica_revises


def _rights(user) -> QuerySet:
    return LanguageRight.objects.filter(user=user, user__is_active=True)


def _may(user, queue: Queue) -> bool:
    return _revises(user) if queue.permission == REVISER else user.has_perm(queue.permission)


def queues_for(user) -> list[Queue]:
    return [queue for queue in QUEUES if _may(user, queue)]


def queue_counts(user) -> dict[str, int]:
    """How many documents wait in each of `user`'s queues: one query for all of them,
    `SELECT (SELECT COUNT(*) …), (SELECT COUNT(*) …)`. One aggregate with a FILTER per queue
    evaluated every queue's condition on every document: 2.2 s at 100,000 documents."""
    # Whether the user revises a language is counted in the same query (its rights as one
    # more scalar subquery), unless already known.
    known = hasattr(user, "_cica_revises")
    mine = [q for q in QUEUES if (q.permission == REVISER and not known) or _may(user, q)]
    if not mine:
        return {}
    alias = router.db_for_read(Document)
    parts, params = [], []

    def count(name, query):
        sql, found = query.order_by().query.get_compiler(using=alias).as_sql()
        # The ORM's own SQL, its values passed as parameters.
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS queue_{name})")  # noqa: S608
        params.extend(found)

    for queue in mine:
        count(queue.key, Document.objects.filter(condition(queue.key, user)).values("pk"))
    if not known:
        count("rights", _rights(user).values("pk"))
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    if not known:
        user._cica_revises = bool(row[-1])
    return {queue.key: found for queue, found in zip(mine, row, strict=False)
            if _may(user, queue)}


def queue_items(key: str, user) -> QuerySet:
    """The documents of one queue: overdue assignments first (the earliest due first), then
    the longest waiting."""
    today = timezone.localdate()
    overdue = Case(When(assignment__due_on__lt=today, then=Value(0)), default=Value(1),
                   output_field=IntegerField())
    return (Document.objects.filter(condition(key, user))
            .select_related("series", "corrects__series", "assignment__assignee")
            .annotate(overdue_rank=overdue)
            .order_by("overdue_rank", F("assignment__due_on").asc(nulls_last=True),
                      "updated_at", "pk"))


def navigation(request) -> dict:
    """Context processor: the counts of the signed-in staff member's queues (one query) and
    unread notifications (one more), read only when the navigation shows them."""
    def counts():
        from .notifications import unread_count

        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_secretariat:
            return {}
        found = queue_counts(user)
        return {
            "unread": unread_count(user),
            "total": sum(found.get(q.key, 0) for q in QUEUES if q.urgent),
            "queues": [(q, found[q.key]) for q in QUEUES if q.key in found and q.urgent],
        }

    return {"work_queues": SimpleLazyObject(counts)}
