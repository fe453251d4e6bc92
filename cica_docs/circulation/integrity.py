"""Every dispatch, recipient and receipt was written by its service, which audits it in the
same transaction (`dispatching.dispatch_create`, `dispatching.receipt_create`). A row that
no audit event names was written some other way — a state given a document by an INSERT,
a download that never happened — and `unaudited_rows` names it for `audit_verify`.

Events written before the events named their rows by id (receipts) or by state id
(recipients) are matched by what they did say: the dispatch, the state's code, the delegate
and the file.
"""

from collections import Counter

from cica_docs.audit.models import AuditEvent

from .models import Dispatch, DispatchRecipient, Receipt


def _dispatch_events() -> dict[int, dict]:
    events = {}
    rows = AuditEvent.objects.filter(action="document.dispatch").values_list(
        "detail", "target_id", "actor_id"
    )
    for detail, target_id, actor_id in rows.iterator():
        if isinstance(detail, dict) and isinstance(detail.get("dispatch"), int):
            events[detail["dispatch"]] = {
                "document": target_id, "actor": actor_id,
                "state_ids": detail.get("state_ids"), "states": detail.get("states") or [],
            }
    return events


def _unaudited_dispatches(events):
    rows = Dispatch.objects.values_list("pk", "document_id", "dispatched_by_id").order_by("pk")
    for pk, document_id, by in rows.iterator():
        event = events.get(pk)
        if event is None or event["document"] != str(document_id) or event["actor"] != by:
            yield f"dispatch #{pk} of document #{document_id}: no audit event records it"


def _unaudited_recipients(events):
    rows = DispatchRecipient.objects.values_list(
        "pk", "dispatch_id", "document_id", "state_id", "state__code", "dispatch__document_id"
    ).order_by("pk")
    for pk, dispatch_id, document_id, state_id, code, dispatched in rows.iterator():
        event = events.get(dispatch_id)
        named = event is not None and (
            state_id in event["state_ids"] if event["state_ids"] is not None
            else code in event["states"]
        )
        if not named or document_id != dispatched or event["document"] != str(document_id):
            yield (f"recipient #{pk}: {code} given document #{document_id} by dispatch "
                   f"#{dispatch_id}, which no audit event records")


def _receipt_key(dispatch, mode, user, state, variant):
    return (dispatch, mode, user, state, variant or "")


def _unaudited_receipts():
    modes = [f"portal.{mode}" for mode in Receipt.Mode.values]
    by_id, earlier = {}, Counter()
    rows = AuditEvent.objects.filter(action__in=modes).values_list(
        "action", "actor_id", "member_state_id", "detail"
    )
    for action, actor_id, state_id, detail in rows.iterator():
        if not isinstance(detail, dict):
            continue
        key = _receipt_key(detail.get("dispatch"), action.removeprefix("portal."), actor_id,
                           state_id, detail.get("variant"))
        if isinstance(detail.get("receipt"), int):
            by_id[detail["receipt"]] = key
        else:
            earlier[key] += 1
    rows = Receipt.objects.values_list(
        "pk", "dispatch_id", "mode", "user_id", "state_id", "variant", "document_id"
    ).order_by("pk")
    for pk, dispatch_id, mode, user_id, state_id, variant, document_id in rows.iterator():
        key = _receipt_key(dispatch_id, mode, user_id, state_id, variant)
        if by_id.get(pk) == key:
            continue
        if pk not in by_id and earlier[key] > 0:
            earlier[key] -= 1
            continue
        yield (f"receipt #{pk}: {mode} of document #{document_id} on dispatch #{dispatch_id} "
               f"by user #{user_id}, which no audit event records")


def unaudited_rows() -> list[str]:
    """One line for each dispatch, recipient or receipt that no audit event records."""
    events = _dispatch_events()
    return [*_unaudited_dispatches(events), *_unaudited_recipients(events),
            *_unaudited_receipts()]


def counts() -> dict[str, int]:
    return {"dispatches": Dispatch.objects.count(),
            "recipients": DispatchRecipient.objects.count(),
            "receipts": Receipt.objects.count()}
