"""The register of outgoing documents: every number in order with the numbers left unused,
the same rows on the page, in the CSV, the XLSX and the API, filters, and its query cost."""

import csv
import io

import pytest
from openpyxl import load_workbook

from cica_docs.circulation import dispatching
from cica_docs.circulation.models import MemberState, Receipt
from cica_docs.documents import services
from cica_docs.documents.models import Series
from tests.api.conftest import token_client
from tests.conftest import queries_of
from tests.factories import correction_issued

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(issue, dispatch_to, drafter, reviewer, registrar, delegate_kz):
    """NCT/CT/275 dispatched to KAZ and IND (downloaded and acknowledged by KAZ) and later
    corrected; 276 withdrawn; 277–279 left unused; 280; 281 the correction of 275."""
    first, second = issue(), issue()
    dispatch = dispatch_to(first, "KAZ", "IND")
    dispatching.receipt_create(dispatch=dispatch, user=delegate_kz, variant="en",
                               mode=Receipt.Mode.DOWNLOAD)
    dispatching.receipt_acknowledge(dispatch=dispatch, user=delegate_kz)
    services.document_transition(document=second, action="withdraw", by=registrar,
                                 comment="Sent in error.")
    services.series_skip(series=Series.objects.get(code="NCT/CT"), to_number=280,
                         reason="Reserved for the Summit.", by=registrar)
    third = issue()
    correction = correction_issued(first, drafter=drafter, reviewer=reviewer,
                                   registrar=registrar)
    return {"first": first, "second": second, "third": third, "correction": correction}


def _csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_register_lists_every_number_in_order_with_gaps_dispatch_and_corrections(
        client, drafter, book):
    client.force_login(drafter)
    entries = client.get("/en/register/").context["entries"]
    assert [e.number_text for e in entries] == [
        "NCT/CT/275", "NCT/CT/276", "NCT/CT/277–NCT/CT/279", "NCT/CT/280", "NCT/CT/281"]
    first, second, gap, _third, correction = entries
    assert (first.lists, first.reached, first.downloaded, first.acknowledged) == (
        ["List KAZ+IND"], 2, 1, 1)
    assert first.corrected_by == ["№ NCT/CT/281"] and correction.corrects == "№ NCT/CT/275"
    assert first.addressee == "the CICA Member States" and first.kind_label == "Note verbale"
    assert first.reason == "The reference note's date."
    assert second.status_label == "Withdrawn" and second.withdrawal_reason == "Sent in error."
    assert gap.is_gap and gap.reason == "Reserved for the Summit." and gap.issued_by
    assert (correction.reached, correction.lists) == (0, [])


def test_the_exports_and_the_api_have_the_rows_of_the_page(client, drafter, book):
    client.force_login(drafter)
    numbers = [e.number_text for e in client.get("/en/register/").context["entries"]]
    rows = _csv_rows(client.get("/en/register/export/csv/"))
    assert rows[0][:3] == ["Number", "Date", "Kind"]
    assert [row[0] for row in rows[1:]] == numbers
    assert rows[1][7:11] == ["List KAZ+IND", "2", "1", "1"]
    assert "Reserved for the Summit." in rows[3][-1] and rows[2][11] == "Withdrawn"
    response = client.get("/en/register/export/xlsx/")
    assert response["Content-Disposition"] == 'attachment; filename="register.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [[("" if v is None else v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert [row[0] for row in cells] == [row[0] for row in rows]
    assert [[str(v.date() if hasattr(v, "date") else v) for v in row] for row in cells[1:]] \
        == rows[1:]
    api = token_client(drafter).get("/api/v1/register/?series=NCT/CT").json()
    assert [item["number"] for item in api["results"]] == numbers
    assert api["results"][0]["states_reached"] == 2 and api["results"][2]["type"] == "gap"
    assert api["results"][0]["id"] == book["first"].pk and api["results"][2]["id"] is None


def test_the_filters(client, drafter, book):
    client.force_login(drafter)
    india = MemberState.objects.get(code="IND").pk
    year = book["first"].issued_on.year

    def numbers(query):
        return [e.number_text for e in client.get(f"/en/register/?{query}").context["entries"]]

    assert numbers(f"state={india}") == ["NCT/CT/275"]
    assert numbers("kind=concept") == []
    assert numbers("q=276") == ["NCT/CT/276"]
    # Back-dated to 2024 (the fixture); the gap and the correction are of today.
    assert numbers(f"year={year}") == ["NCT/CT/275", "NCT/CT/276", "NCT/CT/280"]
    assert numbers("year=2023") == []
    assert len(numbers("kind=note")) == 4  # a kind filter leaves the gap out
    # What names nothing is ignored, never a server error.
    assert len(numbers("year=abc&series=x&state=99999&kind=memo&month=13")) == 5
    rows = _csv_rows(client.get(f"/en/register/export/csv/?state={india}"))
    assert [row[0] for row in rows[1:]] == ["NCT/CT/275"]


def test_bad_input_is_told_clearly(client, drafter, book):
    api = token_client(drafter)
    answer = api.get("/api/v1/register/?series=NOPE&year=20x6")
    assert answer.status_code == 400
    assert set(answer.json()["errors"]) == {"series", "year"} or "series" in str(answer.json())
    client.force_login(drafter)
    response = client.get("/en/register/export/pdf/")
    assert response.status_code == 302 and response["Location"] == "/en/register/"


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_register_in_russian_and_kazakh(client, drafter, book, language):
    client.force_login(drafter)
    page = client.get(f"/{language}/register/").content.decode()
    heading = {"ru": "Журнал исходящих документов", "kk": "Шығыс құжаттар тізілімі"}[language]
    assert heading in page and "NCT/CT/281" in page
    header = _csv_rows(client.get(f"/{language}/register/export/csv/"))[0]
    assert header[0] == {"ru": "Номер", "kk": "Нөмірі"}[language]


def test_a_page_of_the_register_costs_the_same_queries_for_2_and_8_numbers(
        client, drafter, issue, dispatch_to):
    client.force_login(drafter)
    for _ in range(2):
        dispatch_to(issue(), "KAZ")
    few, _response = queries_of(client, "/en/register/")
    for _ in range(6):
        dispatch_to(issue(), "IND")
    many, response = queries_of(client, "/en/register/")
    assert len(response.context["entries"]) == 8
    assert many == few
    api = token_client(drafter)
    api.get("/api/v1/register/")
    small, _response = queries_of(api, "/api/v1/register/")
    assert small == queries_of(api, "/api/v1/register/?year=2024")[0]


def test_the_printable_register_is_a_pdf_of_the_month(client, drafter, issue, tmp_path):
    import subprocess

    note = issue()
    client.force_login(drafter)
    response = client.get("/en/register/print/?year=2024&month=3")
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "register.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Register of outgoing documents, March 2024" in text
    assert note.symbol in text and "Dated earlier: The reference" in text
    empty = client.get("/en/register/print/?year=2024&month=4")
    assert empty.status_code == 302


def test_a_series_code_with_nul_in_the_register_filter_is_a_400_not_a_500(drafter):
    # Found by schemathesis on PostgreSQL, which refuses NUL in a query's text.
    response = token_client(drafter).get("/api/v1/register/?series=N%00C")
    assert response.status_code == 400 and "series" in response.json()["errors"]
