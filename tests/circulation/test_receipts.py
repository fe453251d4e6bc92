import csv
import io

import pytest
from django.core.management import call_command
from django.test import Client

from cica_docs.circulation.models import Dispatch, Receipt

pytestmark = pytest.mark.django_db


@pytest.fixture
def dispatched(issue, dispatch_to, smtp_server, delegate_kz, delegate_in):
    """A rendered note dispatched to Kazakhstan, India and Kyrgyzstan; notices delivered."""
    note = issue(render=True)
    return dispatch_to(note, "KAZ", "IND", "KGZ", send=True)


def test_the_matrix_shows_downloaded_delivered_and_not_yet(
    client, registrar, dispatched, delegate_kz
):
    delegate = Client()
    delegate.force_login(delegate_kz)
    delegate.get(f"/en/portal/documents/{dispatched.document_id}/pdf/ru/")
    client.force_login(registrar)
    page = client.get(f"/en/circulation/dispatches/{dispatched.pk}/")
    rows = {row.state.code: row for row in page.context["rows"]}
    assert rows["KAZ"].status == "downloaded" and rows["KAZ"].variants == ["ru"]
    assert rows["IND"].status == "delivered"
    assert rows["KGZ"].status == "not-yet"  # no delegate at all
    assert "1 of 3 member states" in page.text
    assert "no active delegate" in page.text


@pytest.mark.parametrize("language, order", [
    ("en", ["IND", "KAZ", "KGZ"]),  # India, Kazakhstan, Kyrgyzstan
    ("ru", ["IND", "KAZ", "KGZ"]),  # Индия, Казахстан, Кыргызстан
    ("kk", ["KAZ", "KGZ", "IND"]),  # Қазақстан, Қырғызстан, Үндістан: Ү comes after Қ
])
def test_states_are_in_the_alphabet_of_the_interface_language(
    client, registrar, dispatched, language, order
):
    client.force_login(registrar)
    page = client.get(f"/{language}/circulation/dispatches/{dispatched.pk}/")
    assert [row.state.code for row in page.context["rows"]] == order


def test_the_csv_export_opens_in_excel_with_state_names_in_the_interface_language(
    client, registrar, dispatched, delegate_kz
):
    delegate = Client()
    delegate.force_login(delegate_kz)
    delegate.get(f"/en/portal/documents/{dispatched.document_id}/pdf/package/")
    client.force_login(registrar)
    response = client.get(f"/ru/circulation/dispatches/{dispatched.pk}/receipts.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="NCT-CT-275_receipts_{dispatched.pk}.csv"'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Государство-член"
    assert [row[0] for row in rows[1:]] == ["Индия", "Казахстан", "Кыргызстан"]
    kazakhstan = rows[2]
    assert kazakhstan[1] == "KAZ" and kazakhstan[2] == "Загружено" and kazakhstan[7] == "Пакет"


def test_receipts_cannot_be_changed(dispatched, delegate_kz):
    Client().force_login(delegate_kz)
    client = Client()
    client.force_login(delegate_kz)
    client.get(f"/en/portal/documents/{dispatched.document_id}/pdf/en/")
    receipt = Receipt.objects.get()
    with pytest.raises(PermissionError):
        receipt.save()
    with pytest.raises(PermissionError):
        receipt.delete()


def test_the_demo_dispatches_the_issued_note_so_delegate_kz_sees_it(settings, client):
    settings.DEMO = True
    call_command("demo", stdout=io.StringIO())
    call_command("demo", stdout=io.StringIO())  # idempotent
    dispatches = Dispatch.objects.all()
    assert all(d.circulation_list.is_default and d.recipients.count() == 28 for d in dispatches)
    # the three issued demo notes (the circular one cites the ESCAP note); the paper is an
    # enclosure
    assert {d.issued.symbol for d in dispatches} == {"NCT/CT/275", "NCT/CT/276", "NCT/CT/277"}
    from cica_docs.accounts.models import User

    client.force_login(User.objects.get(username="delegate.kz"))
    page = client.get("/kk/portal/")
    assert {d.document_id for d in page.context["page"]} == {d.document_id for d in dispatches}
    assert "Аға лауазымды тұлғалар комитетінің" in page.text
    # India acknowledged the first, once however often the demo runs.
    acknowledged = Receipt.objects.filter(mode="acknowledge")
    assert [(r.state.code, r.issued.symbol) for r in acknowledged] == [("IND", "NCT/CT/275")]


def test_a_delegation_acknowledges_receipt_once_and_the_registrar_sees_it(
    client, registrar, dispatched, delegate_kz
):
    from cica_docs.audit.models import AuditEvent
    from tests.conftest import make_user

    colleague = make_user("delegate.kz.second", "delegate", state_code="KAZ")
    first, second = Client(), Client()
    first.force_login(delegate_kz)
    second.force_login(colleague)
    page_url = f"/en/portal/documents/{dispatched.document_id}/"
    assert "Acknowledge receipt" in first.get(page_url).text
    response = first.post(f"{page_url}acknowledge/", follow=True)
    assert "Receipt acknowledged on behalf of Kazakhstan." in response.text
    again = second.post(f"{page_url}acknowledge/", follow=True)
    assert "Your delegation had already acknowledged receipt." in again.text
    assert "Acknowledge receipt</button>" not in again.text
    acknowledgements = Receipt.objects.filter(mode="acknowledge")
    assert acknowledgements.count() == 1 and acknowledgements.get().user == delegate_kz
    assert acknowledgements.get().variant == ""
    assert AuditEvent.objects.filter(action="portal.acknowledge").count() == 1
    # Acknowledging is not downloading.
    inbox = first.get("/en/portal/").text
    assert "Receipt acknowledged" in inbox and ">Downloaded<" not in inbox

    client.force_login(registrar)
    page = client.get(f"/en/circulation/dispatches/{dispatched.pk}/")
    rows = {row.state.code: row for row in page.context["rows"]}
    assert rows["KAZ"].status == "acknowledged" and rows["KAZ"].variants == []
    assert rows["IND"].status == "delivered"
    exported = client.get(f"/en/circulation/dispatches/{dispatched.pk}/receipts.csv")
    table = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    kazakhstan = next(row for row in table if row[1] == "KAZ")
    assert kazakhstan[2] == "Receipt acknowledged"
    assert kazakhstan[-1] == (delegate_kz.get_full_name() or delegate_kz.username)


def test_acknowledging_a_document_of_another_state_is_the_refusal_404(dispatched, delegate_in,
                                                                       issue):
    other = issue()  # never dispatched
    india = Client()
    india.force_login(delegate_in)
    assert india.post(f"/en/portal/documents/{other.pk}/acknowledge/").status_code == 404
    assert india.get(f"/en/portal/documents/{dispatched.document_id}/acknowledge/").status_code \
        == 405
    assert not Receipt.objects.filter(mode="acknowledge").exists()


def test_a_delegate_download_asks_the_database_a_fixed_few_queries(
    issue, dispatch_to, delegate_kz
):
    """The download path stays lean (issue 14): session, user, permissions, the one
    authorising dispatch query, the stored file's record, then the receipt and its audit
    event in one transaction. The audit event names the state without fetching it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cica_docs.audit.models import AuditEvent

    dispatch = dispatch_to(issue(), "KAZ")
    delegate = Client()
    delegate.force_login(delegate_kz)
    url = f"/en/portal/documents/{dispatch.document_id}/pdf/package/"
    with CaptureQueriesContext(connection) as captured:
        response = delegate.get(url)
        data = b"".join(response.streaming_content)
    assert response.status_code == 200 and data.startswith(b"%PDF")
    sql = [query["sql"] for query in captured]
    assert not [q for q in sql if 'FROM "circulation_memberstate"' in q]
    assert sum('FROM "circulation_dispatch"' in q for q in sql) == 1
    # session, user, whether the user has a second factor to ask for, 2 permission queries,
    # dispatch, stored file, receipt, audit chain head, audit event, chain update
    # (+ transaction statements on SQLite)
    assert len([q for q in sql if not q.startswith(("BEGIN", "SAVEPOINT", "RELEASE",
                                                       "COMMIT"))]) <= 11
    receipt = Receipt.objects.get(dispatch=dispatch)
    event = AuditEvent.objects.get(action="portal.download", target_id=str(dispatch.document_id))
    assert event.member_state_id == delegate_kz.member_state_id == receipt.state_id
    assert event.detail["receipt"] == receipt.pk
