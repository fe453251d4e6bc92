"""The audit log is a hash chain: `audit_verify` finds the event that was altered or
removed by someone with more rights than the app, and two events written at once never
fork the chain."""

import hashlib
import json
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections

from cica_docs.audit.chain import GENESIS, canonical, chain_verify
from cica_docs.audit.log import record
from cica_docs.audit.models import AuditChain, AuditEvent
from tests.db_rights import guard_lifted

TABLE, TRIGGER = "audit_auditevent", "audit_auditevent_append_only"


def verify() -> tuple[str, str]:
    """audit_verify's output and its error ("" when it passed)."""
    from io import StringIO

    out = StringIO()
    try:
        call_command("audit_verify", stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), ""


@pytest.mark.django_db
def test_each_event_carries_the_hash_of_its_content_and_of_the_event_before_it():
    first = record(action="test.first", note="a")
    second = record(action="test.second", note="b", when=1e20, ratio=0.5)
    first, second = AuditEvent.objects.get(pk=first.pk), AuditEvent.objects.get(pk=second.pk)
    assert second.sequence == first.sequence + 1
    assert second.previous_hash == first.hash
    assert first.hash == hashlib.sha256(canonical(first)).hexdigest()
    assert json.loads(canonical(second))["detail"] == {"note": "b", "when": 10**20,
                                                       "ratio": 0.5}
    head = AuditChain.objects.get()
    assert (head.length, head.head_hash) == (second.sequence, second.hash)


@pytest.mark.django_db
def test_audit_verify_passes_on_an_untouched_log_and_prints_its_head():
    for n in range(3):
        record(action="test.thing", n=n)
    out, error = verify()
    last = AuditEvent.objects.order_by("-sequence").first()
    assert error == ""
    assert f"{AuditEvent.objects.count()} events, chain intact; head {last.hash}" in out


@pytest.mark.django_db
def test_an_empty_log_verifies():
    verdict = chain_verify()
    assert (verdict.events, verdict.head, verdict.broken) == (0, GENESIS, None)


@pytest.fixture
def three_events(transactional_db):
    """Three committed events (another connection with higher rights must see them)."""
    return [record(action="test.thing", n=n) for n in range(3)]


def test_audit_verify_fails_at_the_event_altered_with_the_guard_disabled(three_events):
    altered = three_events[1]
    with guard_lifted(TABLE, TRIGGER) as cursor:
        cursor.execute(f"UPDATE {TABLE} SET actor_username = 'someone else' WHERE id = %s",
                       [altered.pk])
    out, error = verify()
    assert "chain is broken" in error
    assert f"chain broken at event #{altered.pk} (position {altered.sequence})" in out
    assert "altered" in out


def test_audit_verify_fails_at_the_event_after_one_that_was_deleted(three_events):
    removed, following = three_events[1], three_events[2]
    with guard_lifted(TABLE, TRIGGER) as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [removed.pk])
    out, error = verify()
    assert "chain is broken" in error
    assert f"chain broken at event #{following.pk} (position {following.sequence})" in out
    assert f"1 event(s) before it are missing (positions {removed.sequence}" in out


def test_audit_verify_sees_that_the_last_events_were_removed(three_events):
    with guard_lifted(TABLE, TRIGGER) as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [three_events[2].pk])
    out, error = verify()
    assert "chain is broken" in error and "the last events were removed" in out


def test_an_event_rehashed_after_its_change_breaks_the_link_of_the_next(three_events):
    from cica_docs.audit.chain import event_hash

    altered = AuditEvent.objects.get(pk=three_events[0].pk)
    altered.actor_username = "someone else"
    with guard_lifted(TABLE, TRIGGER) as cursor:
        cursor.execute(f"UPDATE {TABLE} SET actor_username = %s, hash = %s WHERE id = %s",
                       [altered.actor_username, event_hash(altered), altered.pk])
    out, _error = verify()
    assert f"chain broken at event #{three_events[1].pk}" in out
    assert "does not follow the event before it" in out


@pytest.mark.skipif("connection.vendor != 'postgresql'",
                    reason="row locks between parallel transactions need a server database")
def test_events_written_at_the_same_moment_never_fork_the_chain(transactional_db):
    start = threading.Barrier(8)

    def write(n):
        try:
            start.wait()
            for i in range(10):
                record(action="test.parallel", writer=n, i=i)
        finally:
            connections.close_all()

    before = AuditEvent.objects.count()
    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    positions = sorted(AuditEvent.objects.values_list("sequence", flat=True))
    assert positions == list(range(1, before + 81))
    assert chain_verify().broken is None
    assert connection.vendor == "postgresql"


def test_events_written_before_the_chain_are_chained_in_the_order_they_were_written(
    transactional_db,
):
    call_command("migrate", "audit", "0002_append_only", verbosity=0)
    with connection.cursor() as cursor:
        for n in (1, 2, 3):
            cursor.execute(
                f"INSERT INTO {TABLE} (created_at, actor_username, action, target_id, "
                "target_repr, detail) VALUES (%s, '', 'test.before', '', '', %s)",
                ["2024-03-06T10:00:00+05:00", json.dumps({"n": n})],
            )
    call_command("migrate", verbosity=0)
    verdict = chain_verify()
    assert verdict.broken is None and verdict.events == 3
    events = list(AuditEvent.objects.order_by("pk"))
    assert [(e.sequence, e.detail["n"]) for e in events] == [(1, 1), (2, 2), (3, 3)]
    assert events[0].previous_hash == GENESIS and events[1].previous_hash == events[0].hash
    assert record(action="test.after").sequence == 4
