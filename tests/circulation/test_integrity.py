"""A state is given a document only by a dispatch, and every dispatch, recipient and
receipt is in the audit log: the database refuses a recipient written any other way, and
`audit_verify` names the rows that someone with more rights wrote behind the app's back."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from cica_docs.circulation import dispatching
from cica_docs.circulation.models import DispatchRecipient, MemberState
from tests.db_rights import guard_lifted


def verify() -> tuple[str, str]:
    out = StringIO()
    try:
        call_command("audit_verify", stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), ""


def insert_recipient(cursor, dispatch, code):
    cursor.execute(
        "INSERT INTO circulation_dispatchrecipient (dispatch_id, document_id, state_id) "
        "SELECT %s, %s, id FROM circulation_memberstate WHERE code = %s",
        [dispatch.pk, dispatch.document_id, code],
    )


@pytest.mark.django_db
def test_audit_verify_passes_after_real_dispatches_downloads_and_an_acknowledgement(
    issue, dispatch_to, delegate_kz, delegate_in
):
    dispatch = dispatch_to(issue(), "KAZ", "IND")
    dispatching.receipt_create(dispatch=dispatch, user=delegate_kz, variant="kk",
                               mode="download")
    dispatching.receipt_create(dispatch=dispatch, user=delegate_kz, variant="kk",
                               mode="download")
    dispatching.receipt_acknowledge(dispatch=dispatch, user=delegate_in)
    out, error = verify()
    assert error == ""
    assert "Circulation: 1 dispatches, 2 recipients, 3 receipts, each recorded" in out


@pytest.mark.django_db
def test_the_database_refuses_a_recipient_that_no_dispatch_event_names(issue, dispatch_to):
    dispatch = dispatch_to(issue(), "KAZ")
    india = MemberState.objects.get(code="IND")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        insert_recipient(cursor, dispatch, "IND")
    with pytest.raises(DatabaseError), transaction.atomic():
        DispatchRecipient.objects.create(dispatch=dispatch, document=dispatch.document,
                                         state=india)
    assert not DispatchRecipient.objects.filter(state=india).exists()
    assert list(dispatch.recipients.values_list("state__code", flat=True)) == ["KAZ"]


@pytest.mark.django_db
def test_audit_verify_names_a_receipt_and_a_dispatch_written_outside_the_services(
    issue, dispatch_to, delegate_in, registrar
):
    dispatch = dispatch_to(issue(), "KAZ")
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO circulation_receipt (dispatch_id, document_id, issued_id, state_id, "
            "user_id, variant, mode, at) VALUES (%s, %s, %s, %s, %s, 'en', 'download', %s)",
            [dispatch.pk, dispatch.document_id, dispatch.issued_id, delegate_in.member_state_id,
             delegate_in.pk, dispatch.dispatched_at],
        )
        cursor.execute(
            "INSERT INTO circulation_dispatch (document_id, issued_id, circulation_list_id, "
            "dispatched_by_id, dispatched_at) VALUES (%s, %s, %s, %s, %s)",
            [dispatch.document_id, dispatch.issued_id, dispatch.circulation_list_id,
             registrar.pk, dispatch.dispatched_at],
        )
    out, error = verify()
    assert "2 circulation record(s) not in the audit log" in error
    receipt = dispatch.receipts.get()
    assert (f"receipt #{receipt.pk}: download of document #{dispatch.document_id} on dispatch "
            f"#{dispatch.pk} by user #{delegate_in.pk}, which no audit event records") in out
    assert f"dispatch #{dispatch.pk + 1} of document #{dispatch.document_id}: no audit" in out
    assert "chain intact" in out


def test_audit_verify_names_a_recipient_forged_with_the_guard_disabled(
    reference_data, issue, dispatch_to, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    dispatch = dispatch_to(issue(), "KAZ")
    with guard_lifted("circulation_dispatchrecipient",
                      "circulation_dispatchrecipient_audited") as cursor:
        insert_recipient(cursor, dispatch, "IND")
    forged = DispatchRecipient.objects.get(state__code="IND")
    out, error = verify()
    assert "1 circulation record(s) not in the audit log" in error
    assert (f"recipient #{forged.pk}: IND given document #{dispatch.document_id} by dispatch "
            f"#{dispatch.pk}, which no audit event records") in out
