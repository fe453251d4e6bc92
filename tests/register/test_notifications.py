"""Notifications to staff: in the app and by e-mail (a real SMTP server on loopback), in
each recipient's language, written in the transaction of the change."""

import pytest
from django.db import transaction

from cica_docs.accounts import roles
from cica_docs.documents import services
from cica_docs.documents.models import Series
from cica_docs.register.models import StaffNotification
from cica_docs.register.notifications import set_email
from tests.conftest import make_user
from tests.factories import approved_note, make_note

pytestmark = pytest.mark.django_db
Event = StaffNotification.Event


def _submit(note, drafter):
    services.document_transition(document=note, action="submit", by=drafter,
                                 acknowledge_warnings=True)


def test_a_submission_reaches_every_reviewer_by_e_mail_in_their_language(
        smtp_server, drafter, reviewer, django_capture_on_commit_callbacks, settings):
    settings.SITE_URL = "https://docs.s-cica.org"
    russian = make_user("reviewer.ru", roles.REVIEWER, preferred_language="ru")
    note = make_note(drafter)
    with django_capture_on_commit_callbacks(execute=True):
        _submit(note, drafter)
    told = StaffNotification.objects.filter(event=Event.SUBMITTED)
    assert {n.recipient.username for n in told} == {"reviewer", "reviewer.ru"}
    assert set(told.values_list("mail", flat=True)) == {"sent"}
    mail = {m["To"]: m for m in smtp_server.messages}
    assert set(mail) == {"reviewer@example.org", "reviewer.ru@example.org"}
    english = mail["reviewer@example.org"]
    assert english["Subject"] == "CICA Docs: drafter submitted " \
        f"{note.label} for review."
    assert f"https://docs.s-cica.org/en/work/{note.pk}/" in english.get_content()
    assert "направил(а) на согласование" in mail["reviewer.ru@example.org"]["Subject"]
    assert f"/ru/work/{note.pk}/" in mail["reviewer.ru@example.org"].get_content()
    assert russian.staff_notifications.count() == 1


def test_a_return_reaches_the_drafter_with_the_comment_and_an_approval_the_registrars(
        smtp_server, drafter, reviewer, registrar, django_capture_on_commit_callbacks):
    note = make_note(drafter)
    _submit(note, drafter)
    with django_capture_on_commit_callbacks(execute=True):
        services.document_transition(document=note, action="return", by=reviewer,
                                     comment="The date in Kazakh differs.")
    returned = StaffNotification.objects.get(event=Event.RETURNED)
    assert returned.recipient == drafter and returned.comment == "The date in Kazakh differs."
    (message,) = [m for m in smtp_server.messages if m["To"] == "drafter@example.org"]
    assert "The date in Kazakh differs." in message.get_content()
    _submit(note, drafter)
    with django_capture_on_commit_callbacks(execute=True):
        services.document_transition(document=note, action="approve", by=reviewer,
                                     acknowledge_warnings=True)
    approved = StaffNotification.objects.filter(event=Event.APPROVED)
    assert [n.recipient for n in approved] == [registrar]
    # Nobody is told of their own step.
    assert not StaffNotification.objects.filter(recipient=reviewer, event=Event.SUBMITTED,
                                                actor=reviewer).exists()


def test_with_e_mail_off_the_notice_is_only_in_the_app(
        smtp_server, client, drafter, reviewer, django_capture_on_commit_callbacks):
    client.force_login(reviewer)
    client.post("/en/notifications/", {"action": "email-off"})
    note = make_note(drafter)
    with django_capture_on_commit_callbacks(execute=True):
        _submit(note, drafter)
    assert smtp_server.messages == []
    assert StaffNotification.objects.get(recipient=reviewer).mail == "off"
    page = client.get("/en/notifications/")
    assert f"drafter submitted {note.label} for review." in page.text
    assert '1<span class="visually-hidden"> new</span>' in page.text
    client.post("/en/notifications/", {"action": "read"})
    assert StaffNotification.objects.get(recipient=reviewer).read_at is not None
    set_email(reviewer, True)
    assert "Stop e-mails" in client.get("/en/notifications/").text


def test_a_change_rolled_back_tells_nobody(drafter, reviewer, django_capture_on_commit_callbacks):
    note = make_note(drafter)
    with (django_capture_on_commit_callbacks(execute=True) as callbacks,
          pytest.raises(RuntimeError), transaction.atomic()):
        _submit(note, drafter)
        raise RuntimeError("after the change, in its transaction")
    assert callbacks == [] and not StaffNotification.objects.exists()


def test_a_failed_rendering_and_a_failed_notice_reach_the_registrars(
        smtp_server, drafter, reviewer, registrar, delegate_kz, issue, dispatch_to, settings,
        django_capture_on_commit_callbacks):
    note = approved_note(drafter, reviewer)
    settings.PDF_MAX_PAGES = 0  # every render fails with a clear error
    with django_capture_on_commit_callbacks(execute=True):
        services.document_issue(document=note, by=registrar, acknowledge_warnings=True)
    failed = StaffNotification.objects.get(event=Event.RENDER_FAILED)
    assert failed.recipient == registrar and "page" in failed.comment.lower()
    settings.PDF_MAX_PAGES, settings.NOTICE_MAX_ATTEMPTS = 1000, 1
    smtp_server.stop()
    other = issue(series=Series.objects.create(code="NCT/N", next_number=1))
    dispatch_to(other, "KAZ", send=True)
    (notice,) = StaffNotification.objects.filter(event=Event.NOTICE_FAILED)
    assert notice.recipient == registrar and notice.document_id == other.pk
    assert notice.comment.startswith("delegate.kz")


def test_the_notification_list_costs_the_same_queries_for_2_and_8_notifications(
        client, drafter, reviewer):
    from tests.conftest import queries_of

    client.force_login(reviewer)

    def submit(count):
        for _ in range(count):
            services.document_transition(document=make_note(drafter), action="submit",
                                         by=drafter, acknowledge_warnings=True)

    submit(2)
    few, _page = queries_of(client, "/en/notifications/")
    submit(6)
    many, page = queries_of(client, "/en/notifications/")
    assert StaffNotification.objects.filter(recipient=reviewer).count() == 8
    assert many == few
