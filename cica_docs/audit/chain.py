"""The audit log's hash chain.

Event n stores `previous_hash` (the hash of event n-1; 64 zeros for the first) and
`hash = SHA-256(canonical(event n))`, where the canonical form is the JSON of every stored
field, its position and `previous_hash` included, with sorted keys and no spaces. Changing
an event breaks its own hash; removing one breaks the link of the next (its position and
previous hash); removing the last ones leaves the chain shorter than its head says.

Appends are serialised by a row lock on the chain head (`AuditChain`, one row), taken in
the transaction that writes the event and held until it commits; on SQLite every write
transaction already holds the database's write lock (`transaction_mode=IMMEDIATE`).

A hash chain without a secret shows what was changed by someone who did not rewrite every
later event too; keep the head that `audit_verify` prints somewhere else (the operators'
log) to prove that nothing before it was rewritten.
"""

import datetime
import hashlib
import json
import logging
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from .models import AuditChain, AuditEvent

GENESIS = "0" * 64
CHAIN_PK = 1
logger = logging.getLogger("cica_docs.security")


def storable(detail):
    """The detail as the database gives it back: what is hashed is what is stored."""
    return json.loads(json.dumps(detail, cls=DjangoJSONEncoder))


def _numbers(value):
    # PostgreSQL's jsonb reads 1e20 back as an integer: hash integral floats as integers.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_numbers(item) for item in value]
    return value


def _instant(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(event: AuditEvent) -> bytes:
    return json.dumps(
        {
            "sequence": event.sequence,
            "previous_hash": event.previous_hash,
            "created_at": _instant(event.created_at),
            "actor": event.actor_id,
            "actor_username": event.actor_username,
            "action": event.action,
            "target_type": event.target_type_id,
            "target_id": event.target_id,
            "target_repr": event.target_repr,
            "member_state": event.member_state_id,
            "ip_address": event.ip_address,
            "detail": _numbers(event.detail),
        },
        sort_keys=True, separators=(",", ":"), ensure_ascii=False,
    ).encode("utf-8")


def event_hash(event: AuditEvent) -> str:
    return hashlib.sha256(canonical(event)).hexdigest()


def _head() -> AuditChain:
    """The chain head, locked. Created when missing (a new or flushed database) from the
    last event, with a warning when there are events: the head was removed."""
    head = AuditChain.objects.select_for_update().filter(pk=CHAIN_PK).first()
    if head is not None:
        return head
    last = AuditEvent.objects.exclude(sequence=None).order_by("-sequence").first()
    if last is not None:
        logger.warning("audit chain head missing; restarted after event %s", last.sequence)
    AuditChain.objects.bulk_create(
        [AuditChain(pk=CHAIN_PK, length=last.sequence if last else 0,
                    head_hash=last.hash if last else GENESIS)],
        ignore_conflicts=True,
    )
    return AuditChain.objects.select_for_update().get(pk=CHAIN_PK)


def chain_append(event: AuditEvent) -> AuditEvent:
    """Put `event` (not saved yet) at the end of the chain and save it."""
    with transaction.atomic():
        head = _head()
        event.created_at = timezone.now()  # under the lock: times rise along the chain
        event.detail = storable(event.detail)
        event.sequence = head.length + 1
        event.previous_hash = head.head_hash
        event.hash = event_hash(event)
        event.save()
        AuditChain.objects.filter(pk=CHAIN_PK).update(length=event.sequence,
                                                      head_hash=event.hash)
    return event


# --- verifying --------------------------------------------------------------------------


@dataclass
class Break:
    """The first place where the chain does not hold."""

    event_id: int | None
    sequence: int | None
    reason: str

    def __str__(self) -> str:
        where = f"event #{self.event_id} (position {self.sequence})" if self.event_id else (
            f"position {self.sequence}")
        return f"{where}: {self.reason}"


@dataclass
class Verdict:
    events: int
    head: str
    broken: Break | None


def chain_verify(*, chunk: int = 2000) -> Verdict:
    """Walk the whole chain in order and return the first broken link, if any."""
    unchained = AuditEvent.objects.filter(sequence=None).order_by("pk").first()
    if unchained is not None:
        return Verdict(0, GENESIS, Break(unchained.pk, None,
                                         "it is not in the chain (written outside the log)"))
    expected_sequence, previous, count = 1, GENESIS, 0
    events = AuditEvent.objects.order_by("sequence")
    for event in events.iterator(chunk_size=chunk):
        if event.sequence != expected_sequence:
            missing = event.sequence - expected_sequence
            return Verdict(count, previous, Break(
                event.pk, event.sequence,
                f"{missing} event(s) before it are missing (positions {expected_sequence}"
                f"–{event.sequence - 1}): removed from the log" if missing > 0 else
                "its position repeats an earlier one"))
        if event.previous_hash != previous:
            return Verdict(count, previous, Break(
                event.pk, event.sequence,
                "it does not follow the event before it (its previous hash differs): an "
                "event was replaced or inserted"))
        if event_hash(event) != event.hash:
            return Verdict(count, previous, Break(
                event.pk, event.sequence, "its content does not match its hash: altered"))
        previous, expected_sequence, count = event.hash, expected_sequence + 1, count + 1
    head = AuditChain.objects.filter(pk=CHAIN_PK).first()
    if count and head is None:
        return Verdict(count, previous, Break(None, count, "the chain head is missing"))
    if head is not None and (head.length, head.head_hash) != (count, previous):
        return Verdict(count, previous, Break(
            None, count + 1,
            f"the chain ends after {count} event(s) but its head says {head.length}: the "
            "last events were removed" if head.length > count else
            "the chain head does not match its last event"))
    return Verdict(count, previous, None)
