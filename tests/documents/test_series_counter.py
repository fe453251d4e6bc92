"""The series counter (issue 11, item 4): it never goes below the highest number given
(model, form, admin, service, database); numbers are skipped only on purpose, with a recent
password and a reason, audited and shown on the series page; and no issue answers 500,
even after a counter forged in SQL."""

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.test import Client

from cica_docs.audit.models import AuditEvent
from cica_docs.documents import services
from cica_docs.documents.models import Document, NumberGap, Series
from tests.conftest import reauthenticate
from tests.db_rights import guard_lifted
from tests.factories import approved_note


@pytest.fixture
def numbered(drafter, reviewer, registrar, django_capture_on_commit_callbacks):
    """NCT/CT with 275 and 276 given: the counter stands at 277."""
    with django_capture_on_commit_callbacks(execute=False):
        for _n in range(2):
            services.document_issue(document=approved_note(drafter, reviewer), by=registrar,
                                    acknowledge_warnings=True)
    return Series.objects.get(code="NCT/CT")


def sql(statement, *params):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.mark.django_db
def test_the_model_refuses_a_counter_at_or_below_the_highest_number_given(numbered):
    assert numbered.next_number == 277 and numbered.highest_used() == 276
    for lowered in (276, 1):
        numbered.next_number = lowered
        with pytest.raises(ValidationError, match="higher than 276"):
            numbered.full_clean()
    numbered.next_number = 300
    numbered.full_clean()  # a higher counter is the model's to accept; the service records why


@pytest.mark.django_db
def test_the_admin_shows_the_counter_but_does_not_edit_it(numbered, admin_user):
    client = Client()
    client.force_login(admin_user)
    url = f"/en/admin/documents/series/{numbered.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200 and 'name="next_number"' not in page.text
    assert "277" in page.text
    client.post(url, {"code": "NCT/CT", "name": "Notes", "next_number": "1"})
    assert Series.objects.get(pk=numbered.pk).next_number == 277
    assert 'name="next_number"' in client.get("/en/admin/documents/series/add/").text


@pytest.mark.django_db
def test_the_service_only_skips_forward_with_a_reason(numbered, registrar, drafter):
    for to_number, reason, message in ((276, "Reserved", "only be skipped forward"),
                                       (277, "Reserved", "only be skipped forward"),
                                       (280, "  ", "say why"),
                                       (5000, "Reserved", "At most 1000")):
        with pytest.raises(services.DocumentError, match=message):
            services.series_skip(series=numbered, to_number=to_number, reason=reason,
                                 by=registrar)
    with pytest.raises(services.TransitionNotAllowed):
        services.series_skip(series=numbered, to_number=280, reason="Reserved", by=drafter)
    assert Series.objects.get(pk=numbered.pk).next_number == 277
    assert not NumberGap.objects.exists()


@pytest.mark.django_db
def test_the_database_refuses_to_lower_the_counter_or_to_skip_without_a_record(numbered):
    for statement in ("UPDATE documents_series SET next_number = 276 WHERE id = %s",
                      "UPDATE documents_series SET next_number = 100 WHERE id = %s",
                      "UPDATE documents_series SET next_number = 290 WHERE id = %s"):
        with pytest.raises(DatabaseError):
            sql(statement, numbered.pk)
    assert Series.objects.get(pk=numbered.pk).next_number == 277
    sql("UPDATE documents_series SET next_number = 278 WHERE id = %s", numbered.pk)  # an issue


@pytest.mark.django_db
def test_a_skip_needs_a_recent_password(numbered, registrar):
    client = Client()
    client.force_login(registrar)
    response = client.post(f"/en/manage/series/{numbered.pk}/skip/",
                           {"to_number": "300", "reason": "Reserved for the summit"})
    assert response.status_code == 200 and 'name="reauth_password"' in response.text
    assert Series.objects.get(pk=numbered.pk).next_number == 277
    assert not NumberGap.objects.exists()
    assert not AuditEvent.objects.filter(action="series.skip").exists()


@pytest.mark.django_db
def test_a_skip_is_recorded_audited_and_shown_in_every_language(numbered, registrar,
                                                                django_capture_on_commit_callbacks):
    client = Client()
    client.force_login(registrar)
    reauthenticate(client)
    response = client.post(f"/en/manage/series/{numbered.pk}/skip/",
                           {"to_number": "300", "reason": "Reserved for the summit notes"})
    assert response.status_code == 302
    gap = NumberGap.objects.get()
    assert (gap.series_id, gap.year, gap.first, gap.last, gap.skipped_by) == (
        numbered.pk, 0, 277, 299, registrar)
    event = AuditEvent.objects.get(action="series.skip")
    assert event.actor == registrar and event.detail["reason"] == "Reserved for the summit notes"
    assert (event.detail["first"], event.detail["last"]) == (277, 299)
    assert Series.objects.get(pk=numbered.pk).next_number == 300
    for language, heading in (("en", "Numbers skipped"), ("ru", "Пропущенные номера"),
                              ("kk", "Өткізіп жіберілген нөмірлер")):
        page = client.get(f"/{language}/manage/series/")
        assert page.status_code == 200
        assert heading in page.text and "277–299" in page.text
        assert "Reserved for the summit notes" in page.text and ">300<" in page.text
    with django_capture_on_commit_callbacks(execute=False):
        services.document_issue(document=approved_note(*_people(registrar)), by=registrar,
                                acknowledge_warnings=True)
    assert Document.objects.filter(number=300).exists()


def _people(registrar):
    from tests.conftest import make_user

    return make_user("drafter.2", "drafter"), make_user("reviewer.2", "reviewer")


def test_an_issue_after_a_forged_counter_is_refused_with_a_message_not_a_500(
    reference_data, drafter, reviewer, registrar, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    services.document_issue(document=approved_note(drafter, reviewer), by=registrar,
                            acknowledge_warnings=True)  # NCT/CT/275
    series = Series.objects.get(code="NCT/CT")
    with guard_lifted("documents_series", "documents_series_counter") as cursor:
        cursor.execute("UPDATE documents_series SET next_number = 275 WHERE id = %s",
                       [series.pk])
    note = approved_note(drafter, reviewer)
    client = Client(raise_request_exception=False)
    client.force_login(registrar)
    reauthenticate(client)
    for language, words in (("en", "already taken"), ("ru", "уже присвоен"),
                            ("kk", "берілген")):
        response = client.post(f"/{language}/work/{note.pk}/issue/",
                               {"acknowledge_warnings": "on"}, follow=True)
        assert response.status_code == 200
        assert words in response.text and "NCT/CT" in response.text
    assert Document.objects.get(pk=note.pk).state == "approved"
    events = AuditEvent.objects.filter(action="series.number_taken")
    assert events.count() == 3 and events.first().detail["series"] == series.pk
    api = Client(raise_request_exception=False)
    api.force_login(registrar)
    reauthenticate(api)
    answer = api.post(f"/api/v1/notes/{note.pk}/issue/", {"acknowledge_warnings": True},
                      content_type="application/json")
    assert answer.status_code == 409 and "already taken" in answer.json()["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 4])
def test_the_series_page_asks_the_same_queries_however_many_series_and_gaps(
    registrar, count, django_assert_num_queries
):
    for n in range(count):
        series = Series.objects.create(code=f"S/{n}", next_number=10)
        services.series_skip(series=series, to_number=12, reason=f"Reserved {n}", by=registrar)
    client = Client()
    client.force_login(registrar)
    client.get("/en/manage/series/")  # the session and permissions, once
    # session, user, the session's second-factor device (django-otp), permissions, series,
    # gaps, the navigation's counts (the work queues, unread notifications)
    with django_assert_num_queries(9):
        page = client.get("/en/manage/series/")
    assert page.text.count('class="number-gap"') == count
