"""Delegates are told when a document their state received is withdrawn or corrected, in
their language (a real SMTP server on loopback)."""

import pytest

from cica_docs.documents import services
from cica_docs.register.models import ChangeNotice
from tests.factories import correction_issued

pytestmark = pytest.mark.django_db


def test_a_withdrawal_reaches_every_delegate_of_every_state_that_received_it(
        smtp_server, issue, dispatch_to, registrar, delegate_kz, delegate_in,
        django_capture_on_commit_callbacks, settings):
    settings.SITE_URL = "https://docs.s-cica.org"
    note = issue()
    dispatch_to(note, "KAZ")
    dispatch_to(note, "IND")
    with django_capture_on_commit_callbacks(execute=True):
        services.document_transition(document=note, action="withdraw", by=registrar,
                                     comment="Sent in error.")
    mail = {m["To"]: m for m in smtp_server.messages}
    assert set(mail) == {"delegate.kz@example.org", "delegate.in@example.org"}
    english = mail["delegate.in@example.org"]
    assert english["Subject"] == f"CICA Docs: Note verbale No. {note.symbol} has been withdrawn"
    body = english.get_content()
    assert "Reason: Sent in error." in body and "India" in body
    assert f"https://docs.s-cica.org/en/portal/documents/{note.pk}/" in body
    kazakh = mail["delegate.kz@example.org"]
    assert "кері шақырылды" in kazakh["Subject"]
    assert f"/kk/portal/documents/{note.pk}/" in kazakh.get_content()
    assert set(ChangeNotice.objects.values_list("mail", flat=True)) == {"sent"}


def test_a_correction_reaches_only_the_states_that_received_the_original(
        smtp_server, issue, dispatch_to, drafter, reviewer, registrar, delegate_kz,
        delegate_in, django_capture_on_commit_callbacks):
    note = issue()
    dispatch_to(note, "KAZ")
    with django_capture_on_commit_callbacks(execute=True):
        correction = correction_issued(note, drafter=drafter, reviewer=reviewer,
                                       registrar=registrar)
    (message,) = [m for m in smtp_server.messages if m["To"].startswith("delegate")]
    assert message["To"] == "delegate.kz@example.org"
    body = message.get_content()
    assert note.symbol in body and correction.symbol in body
    (notice,) = ChangeNotice.objects.all()
    assert (notice.change, notice.document_id, notice.correction_id) == (
        "corrected", note.pk, correction.pk)
