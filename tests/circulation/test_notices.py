import datetime

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from cica_docs.circulation.models import Dispatch, Notice
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegates(delegate_kz, delegate_in):
    second_kz = make_user("delegate.kz2", "delegate", state_code="KAZ", preferred_language="ru",
                          first_name="Aliya", last_name="Nurova")
    return delegate_kz, second_kz, delegate_in


def test_each_delegate_gets_one_notice_in_their_language_with_a_portal_link(
    smtp_server, issue, dispatch_to, delegates, settings
):
    settings.SITE_URL = "https://docs.s-cica.org"
    note = issue()
    dispatch = dispatch_to(note, "KAZ", send=True)
    received = {m["To"]: m for m in smtp_server.messages}
    assert set(received) == {"delegate.kz@example.org", "delegate.kz2@example.org"}
    kazakh = received["delegate.kz@example.org"]
    russian = received["delegate.kz2@example.org"]
    assert f"https://docs.s-cica.org/kk/portal/documents/{note.pk}/" in kazakh.get_content()
    assert f"https://docs.s-cica.org/ru/portal/documents/{note.pk}/" in russian.get_content()
    assert "NCT/CT/275" in kazakh["Subject"] and "NCT/CT/275" in russian["Subject"]
    assert "Контртеррористическим управлением" in russian.get_content()
    assert "Терроризмге қарсы басқармасымен" in kazakh.get_content()
    assert "2024 жылғы 6 наурыз" in kazakh.get_content()
    assert "6 марта 2024 года" in russian.get_content()
    for message in (kazakh, russian):
        assert not message.is_multipart()  # no attachment, only the link
    assert list(dispatch.notices.values_list("status", "attempts")) == [("sent", 1)] * 2
    assert all(n.sent_at for n in Notice.objects.all())


def test_a_mail_server_that_is_down_never_undoes_the_dispatch_and_is_shown_then_resent(
    smtp_server, issue, dispatch_to, delegate_kz, registrar, client, settings,
    django_capture_on_commit_callbacks,
):
    settings.NOTICE_MAX_ATTEMPTS = 3
    port = smtp_server.port
    smtp_server.stop()
    dispatch = dispatch_to(issue(), "KAZ", send=True)

    assert Dispatch.objects.filter(pk=dispatch.pk).exists()
    notice = Notice.objects.get()
    assert (notice.status, notice.attempts, notice.retry_at) == ("failed", 3, None)
    assert "Connection refused" in notice.last_error or "ConnectionRefused" in notice.last_error
    client.force_login(registrar)
    page = client.get(f"/en/circulation/dispatches/{dispatch.pk}/")
    assert "E-mails not delivered yet" in page.text
    assert "0 of 1 e-mails delivered" in page.text
    assert "Send the failed e-mails again" in page.text

    # The mail server is back: "Send again" delivers the notice.
    controller = Controller(smtp_server.handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/en/circulation/dispatches/{dispatch.pk}/resend/",
                                   follow=True)
    finally:
        controller.stop()
    assert "1 notice is being sent again." in response.text
    assert [m["To"] for m in smtp_server.messages] == ["delegate.kz@example.org"]
    notice.refresh_from_db()
    assert (notice.status, notice.attempts, notice.last_error) == ("sent", 4, "")
    page = client.get(f"/en/circulation/dispatches/{dispatch.pk}/")
    assert "1 of 1 e-mails delivered" in page.text
    assert "E-mails not delivered yet" not in page.text


def test_with_the_database_queue_a_failed_notice_is_retried_later_with_backoff(
    smtp_server, issue, dispatch_to, delegate_kz, settings
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.NOTICE_RETRY_SECONDS = 60
    smtp_server.stop()
    dispatch_to(issue(), "KAZ", send=True)  # enqueued, not yet run

    from cica_docs.circulation.dispatching import notice_send

    notice = Notice.objects.get()
    before = timezone.now()
    assert notice_send(notice_id=notice.pk) == "failed"
    notice.refresh_from_db()
    assert notice.status == "failed" and notice.attempts == 1
    assert before + datetime.timedelta(seconds=59) < notice.retry_at
    assert notice.retry_at < before + datetime.timedelta(seconds=62)
    retry = DBTaskResult.objects.filter(task_path="cica_docs.circulation.tasks.send_notice",
                                        run_after__gt=before,
                                        run_after__lt=before + datetime.timedelta(hours=1)).get()
    assert retry.args_kwargs["args"] == [notice.pk]
    assert notice_send(notice_id=notice.pk) == "failed"
    notice.refresh_from_db()
    assert notice.retry_at > before + datetime.timedelta(seconds=119)  # doubled


def test_a_notice_already_sent_is_never_sent_twice(smtp_server, issue, dispatch_to, delegate_kz):
    from cica_docs.circulation.dispatching import notice_send

    dispatch_to(issue(), "KAZ", send=True)
    assert notice_send(notice_id=Notice.objects.get().pk) == "skipped"
    assert len(smtp_server.messages) == 1


def test_a_delegate_deactivated_before_the_send_gets_no_mail(
    smtp_server, issue, dispatch_to, delegate_kz, admin_user
):
    from cica_docs.circulation import services
    from cica_docs.circulation.dispatching import notice_send

    dispatch_to(issue(), "KAZ")
    services.delegate_deactivate(delegate=delegate_kz, by=admin_user)
    notice = Notice.objects.get()
    assert notice_send(notice_id=notice.pk) == "failed"
    notice.refresh_from_db()
    assert notice.last_error == "account deactivated" and notice.retry_at is None
    assert smtp_server.messages == []


def test_a_document_issued_without_a_number_is_named_without_a_bare_number_sign(
    smtp_server, dispatch_to, delegate_kz, drafter, reviewer, registrar, client
):
    from cica_docs.documents import services
    from tests.factories import approved_concept

    paper = approved_concept(drafter, reviewer)  # no series: issued without a number
    services.document_issue(document=paper, by=registrar, issued_on=datetime.date(2024, 3, 6),
                            acknowledge_warnings=True, backdating_reason="As signed.")
    paper.refresh_from_db()
    assert paper.symbol == ""
    dispatch_to(paper, "KAZ", send=True)
    (message,) = smtp_server.messages
    assert message["Subject"] == "CICA Docs: Тұжырымдама (2024 жылғы 6 наурыз) таратылды"
    assert "№" not in message.get_content() and "No. " not in message.get_content()
    client.force_login(delegate_kz)
    inbox = client.get("/en/portal/").text
    assert "(without number)" in inbox and "№ <" not in inbox and "№ </a>" not in inbox
    page = client.get(f"/ru/portal/documents/{paper.pk}/").text
    assert "(без номера)" in page and "№ <" not in page


def test_the_notice_of_a_correction_names_the_corrected_number_only_where_it_was_received(
    smtp_server, issue, dispatch_to, delegate_kz, delegate_in, drafter, reviewer, registrar
):
    from tests.factories import correction_issued

    original = issue()
    dispatch_to(original, "KAZ")  # India never received the original
    correction = correction_issued(original, drafter=drafter, reviewer=reviewer,
                                   registrar=registrar)
    dispatch_to(correction, "KAZ", "IND", send=True)
    received = {m["To"]: m.get_content() for m in smtp_server.messages}
    assert f"№ {original.symbol}" in received["delegate.kz@example.org"]
    assert original.symbol not in received["delegate.in@example.org"]
    assert correction.symbol in received["delegate.in@example.org"]
