import logging

import pytest
from django.db import DatabaseError, connection, transaction

from cica_docs.audit.log import record, security_event
from cica_docs.audit.models import AppendOnlyError, AuditEvent
from cica_docs.circulation.models import MemberState

pytestmark = pytest.mark.django_db


def test_record_keeps_who_did_what_to_which_object_from_where(rf, admin_user):
    request = rf.post("/", REMOTE_ADDR="203.0.113.7")
    request.user = admin_user
    kazakhstan = MemberState.objects.get(code="KAZ")
    event = record(action="test.thing", request=request, target=kazakhstan, state=kazakhstan,
                   note="why")
    event = AuditEvent.objects.get(pk=event.pk)
    assert event.actor == admin_user and event.actor_username == "admin"
    assert event.ip_address == "203.0.113.7"
    assert event.target_repr == "Kazakhstan" and event.target_id == str(kazakhstan.pk)
    assert event.target_type.model == "memberstate"
    assert event.member_state == kazakhstan
    assert event.detail == {"note": "why"}


def test_forged_text_with_nul_bytes_and_surrogates_is_stored_not_refused():
    event = record(action="auth.login_failed", username="ad\x00min\udcff", note="a\x00b")
    event = AuditEvent.objects.get(pk=event.pk)
    assert "\x00" not in event.actor_username and event.actor_username.startswith("ad")
    assert event.detail == {"note": "a\ufffdb"}


def test_an_audit_event_cannot_be_changed_or_deleted_through_django():
    event = record(action="test.thing")
    event.action = "test.rewritten"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="test.rewritten")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "test.thing"


def test_the_database_refuses_an_update_through_raw_sql():
    event = record(action="test.thing")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditevent SET action = %s WHERE id = %s", ["test.rewritten", event.pk]
        )
    assert AuditEvent.objects.get(pk=event.pk).action == "test.thing"


@pytest.mark.postgres
def test_postgresql_also_refuses_a_delete_through_raw_sql():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite allows DELETE so that the test runner can flush tables")
    event = record(action="test.thing")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_a_security_event_is_recorded_and_logged_on_one_line(caplog):
    with caplog.at_level(logging.WARNING, logger="cica_docs.security"):
        security_event(action="portal.refused", username="x\nFORGED line", document=12)
    assert AuditEvent.objects.filter(action="portal.refused").count() == 1
    [line] = [r.getMessage() for r in caplog.records if r.name == "cica_docs.security"]
    assert line.startswith("portal.refused") and "\n" not in line
    assert "FORGED line" in line
