"""The date of issue: not after today in Astana, not before the previous number of the
series, and a reason for back-dating — one rule for the browser and the API."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from cica_docs.documents import services
from cica_docs.documents.issue_dates import astana_today
from cica_docs.documents.models import Document, IssuedRevision, Series
from tests.conftest import reauthenticate
from tests.factories import approved_note

from ..api.conftest import token_client

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def issued_earlier(drafter, reviewer, registrar):
    """NCT/CT/275, issued ten days ago (with its reason)."""
    note = approved_note(drafter, reviewer)
    services.document_issue(document=note, by=registrar, issued_on=astana_today() - 10 * DAY,
                            backdating_reason="Signed ten days ago.")
    return note


def test_today_is_the_day_in_astana_whatever_time_zone_is_active():
    expected = datetime.datetime.now(ZoneInfo(settings.TIME_ZONE)).date()
    # 16 hours behind and 9 ahead of Astana: at any hour one of them has another date.
    for zone in ("Pacific/Pago_Pago", "Pacific/Kiritimati"):
        with timezone.override(ZoneInfo(zone)):
            assert astana_today() == expected
    assert settings.TIME_ZONE == "Asia/Almaty"


def test_a_date_after_today_in_astana_is_refused_and_takes_no_number(
    drafter, reviewer, registrar
):
    note = approved_note(drafter, reviewer)
    with pytest.raises(services.IssueDateRefused) as refused:
        services.document_issue(document=note, by=registrar, issued_on=astana_today() + DAY)
    assert refused.value.field == "date" and "after today" in refused.value.message
    assert Series.objects.get(code="NCT/CT").next_number == 275
    assert Document.objects.get(pk=note.pk).state == "approved"


def test_a_date_before_the_previous_number_is_refused_and_names_it(
    drafter, reviewer, registrar, issued_earlier
):
    note = approved_note(drafter, reviewer)
    with pytest.raises(services.IssueDateRefused) as refused:
        services.document_issue(document=note, by=registrar,
                                issued_on=astana_today() - 11 * DAY, backdating_reason="x")
    assert refused.value.field == "date"
    assert "№ NCT/CT/275" in refused.value.message
    assert Series.objects.get(code="NCT/CT").next_number == 276


def test_back_dating_needs_a_reason_which_is_kept_with_the_issued_record(
    drafter, reviewer, registrar, issued_earlier
):
    note = approved_note(drafter, reviewer)
    day = astana_today() - 10 * DAY  # the same day as the previous number: in order
    with pytest.raises(services.IssueDateRefused) as refused:
        services.document_issue(document=note, by=registrar, issued_on=day)
    assert refused.value.field == "backdating_reason"
    issued = services.document_issue(document=note, by=registrar, issued_on=day,
                                     backdating_reason="Signed by the Secretary General then.")
    assert issued.issued_on == day and issued.symbol == "NCT/CT/276"
    assert IssuedRevision.objects.get(pk=issued.pk).backdating_reason == \
        "Signed by the Secretary General then."


def test_today_needs_no_reason_and_records_none(drafter, reviewer, registrar):
    note = approved_note(drafter, reviewer)
    issued = services.document_issue(document=note, by=registrar, backdating_reason="ignored")
    assert issued.issued_on == astana_today() and not issued.backdating_reason


def test_the_issued_record_with_its_reason_stays_append_only(issued_earlier):
    issued = IssuedRevision.objects.get(document=issued_earlier)
    expected = IntegrityError if connection.vendor == "sqlite" else Exception
    with pytest.raises(expected), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE documents_issuedrevision SET backdating_reason = 'forged' "
                       "WHERE id = %s", [issued.pk])
    assert IssuedRevision.objects.get(pk=issued.pk).backdating_reason == "Signed ten days ago."


# --- through the browser ------------------------------------------------------------------


def _issue_in_browser(client, note, registrar, **data):
    client.force_login(registrar)
    reauthenticate(client)
    return client.post(f"/en/work/{note.pk}/issue/", data, follow=True)


def test_the_browser_refuses_a_future_date(client, drafter, reviewer, registrar):
    note = approved_note(drafter, reviewer)
    tomorrow = (astana_today() + DAY).isoformat()
    response = _issue_in_browser(client, note, registrar, issued_on=tomorrow,
                                 acknowledge_warnings="on")
    assert "The date of issue cannot lie after today" in response.text
    assert Document.objects.get(pk=note.pk).state == "approved"


def test_the_browser_refuses_a_date_before_the_previous_number(
    client, drafter, reviewer, registrar, issued_earlier
):
    note = approved_note(drafter, reviewer)
    client.force_login(registrar)
    page = client.get(f"/en/work/{note.pk}/")
    earliest = (astana_today() - 10 * DAY).isoformat()
    assert f'min="{earliest}"' in page.text and f'max="{astana_today().isoformat()}"' in page.text
    response = _issue_in_browser(client, note, registrar, backdating_reason="Late.",
                                 issued_on=(astana_today() - 20 * DAY).isoformat())
    assert "before that of the previous number, № NCT/CT/275" in response.text
    assert Document.objects.get(pk=note.pk).state == "approved"


def test_the_browser_asks_for_the_reason_and_the_page_shows_it(
    client, drafter, reviewer, registrar
):
    note = approved_note(drafter, reviewer)
    day = (astana_today() - 3 * DAY).isoformat()
    refused = _issue_in_browser(client, note, registrar, issued_on=day)
    assert "say why the document is dated earlier" in refused.text
    response = _issue_in_browser(client, note, registrar, issued_on=day,
                                 backdating_reason="Signed on Friday, registered on Monday.")
    assert "Issued as № NCT/CT/275." in response.text
    assert "Dated earlier than it was issued" in response.text
    assert "Signed on Friday, registered on Monday." in response.text


# --- through the API ----------------------------------------------------------------------


def _issue_by_api(note, registrar, **data):
    return token_client(registrar).post(f"/api/v1/notes/{note.pk}/issue/", data,
                                        format="json")


def test_the_api_refuses_a_future_date_with_the_field_named(drafter, reviewer, registrar):
    note = approved_note(drafter, reviewer)
    response = _issue_by_api(note, registrar, date=(astana_today() + DAY).isoformat())
    assert response.status_code == 400
    assert "after today" in response.json()["errors"]["date"][0]


def test_the_api_refuses_a_date_before_the_previous_number(
    drafter, reviewer, registrar, issued_earlier
):
    note = approved_note(drafter, reviewer)
    response = _issue_by_api(note, registrar, date=(astana_today() - 20 * DAY).isoformat(),
                             backdating_reason="Late.")
    assert response.status_code == 400
    assert "№ NCT/CT/275" in response.json()["errors"]["date"][0]


def test_the_api_asks_for_the_reason_and_returns_it(drafter, reviewer, registrar):
    note = approved_note(drafter, reviewer)
    day = (astana_today() - 2 * DAY).isoformat()
    refused = _issue_by_api(note, registrar, date=day)
    assert refused.status_code == 400 and list(refused.json()["errors"]) == ["backdating_reason"]
    response = _issue_by_api(note, registrar, date=day, backdating_reason="As signed.")
    assert response.status_code == 200, response.json()
    assert (response.json()["date"], response.json()["backdating_reason"]) == (day, "As signed.")
