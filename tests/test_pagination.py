"""Keyset pagination (cica_docs/pagination.py): the work list, the delegate inbox and the
API lists page by cursor, so a deep page costs the queries (and the index range) of the
first; `?page=N` links keep working; a cursor that is not ours gives the first page."""

import datetime
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cica_docs.documents.models import Document
from cica_docs.pagination import keyset_order, page_of
from tests.api.conftest import token_client
from tests.conftest import queries_of
from tests.factories import make_note

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(drafter):
    """23 documents; the update times tie in threes, so the id decides within a tie."""
    moment = timezone.now()
    Document.objects.bulk_create(
        Document(kind="note", title_en=f"Note {n}", created_by=drafter) for n in range(23)
    )
    for index, pk in enumerate(Document.objects.order_by("pk").values_list("pk", flat=True)):
        Document.objects.filter(pk=pk).update(
            updated_at=moment - datetime.timedelta(minutes=index // 3))
    return Document.objects.order_by("-updated_at", "-pk")


def _walk(queryset, per_page):
    """Every page by its Next cursor, then back by the Previous ones."""
    pages, params = [], {}
    while True:
        page = page_of(queryset, per_page, params)
        pages.append(page)
        if not page.has_next():
            break
        params = {"cursor": page.next_cursor}
    back = [pages[-1]]
    while back[-1].has_previous():
        back.append(page_of(queryset, per_page, {"cursor": back[-1].previous_cursor}))
    return pages, back[::-1]


def test_next_and_previous_cursors_walk_the_list_in_its_order(documents):
    expected = list(documents.values_list("pk", flat=True))
    pages, back = _walk(documents, 5)
    assert [page.number for page in pages] == [1, 2, 3, 4, 5]
    assert [d.pk for page in pages for d in page] == expected
    assert [[d.pk for d in page] for page in back] == [[d.pk for d in page] for page in pages]
    assert [page.number for page in back] == [1, 2, 3, 4, 5]
    assert pages[0].paginator.num_pages == 5
    assert not pages[0].has_previous() and not pages[-1].has_next()
    assert len(pages[-1]) == 3


def test_a_page_number_still_works_and_leads_on_by_cursor(documents):
    expected = list(documents.values_list("pk", flat=True))
    third = page_of(documents, 5, {"page": "3"})
    assert [d.pk for d in third] == expected[10:15] and third.number == 3
    following = page_of(documents, 5, {"cursor": third.next_cursor})
    assert [d.pk for d in following] == expected[15:20] and following.number == 4
    assert page_of(documents, 5, {"page": "99"}).number == 5  # as Paginator.get_page
    assert page_of(documents, 5, {"page": "x"}).number == 1


@pytest.mark.parametrize("cursor", [
    "garbage", "", "W10", "eyJhIjoxfQ", "a" * 500,
    # ours in form, but naive time, a negative page, a string id, an unknown direction
    "WyJhZnRlciIsMiwiMjAyNC0wMS0wMVQwMDowMDowMCIsNV0",
    "WyJhZnRlciIsLTEsIjIwMjQtMDEtMDFUMDA6MDA6MDArMDA6MDAiLDVd",
    "WyJhZnRlciIsMiwiMjAyNC0wMS0wMVQwMDowMDowMCswMDowMCIsIjUiXQ",
    "WyJzaWRld2F5cyIsMiwiMjAyNC0wMS0wMVQwMDowMDowMCswMDowMCIsNV0",
])
def test_a_cursor_that_is_not_ours_gives_the_first_page(documents, cursor):
    page = page_of(documents, 5, {"cursor": cursor})
    assert page.number == 1
    assert [d.pk for d in page] == list(documents.values_list("pk", flat=True)[:5])


def test_a_cursor_past_the_end_gives_the_first_page(documents):
    last = page_of(documents, 5, {"page": "5"})
    cursor = page_of(documents, 5, {"page": "4"}).next_cursor
    Document.objects.filter(pk__in=[d.pk for d in last]).delete()
    assert page_of(documents, 5, {"cursor": cursor}).number == 1


def test_only_a_newest_first_order_by_one_column_and_the_id_pages_by_cursor(documents):
    assert keyset_order(documents) == "updated_at"
    assert keyset_order(Document.objects.order_by("title", "-pk")) is None
    assert keyset_order(Document.objects.order_by("-updated_at")) is None
    assert keyset_order(Document.objects.order_by("-pk", "-pk")) is None
    ranked = page_of(Document.objects.order_by("title", "pk"), 5, {"cursor": "x"})
    assert ranked.next_cursor == "" and ranked.has_next()


def test_a_deep_page_of_the_work_list_costs_the_queries_of_the_first(
        client, drafter, monkeypatch):
    from cica_docs.documents import views

    monkeypatch.setattr(views, "PER_PAGE", 2)
    for index in range(7):
        make_note(drafter, title_en=f"Paged note {index}")
    client.force_login(drafter)
    first, response = queries_of(client, "/en/work/")
    seen, numbers = [d.pk for d in response.context["page"]], [1]
    while (found := re.search(r'href="\?([^"]*cursor=[^"]+)">Next<', response.text)):
        deep, response = queries_of(client, "/en/work/?" + unescape(found.group(1)))
        assert deep == first
        seen += [d.pk for d in response.context["page"]]
        numbers.append(response.context["page"].number)
    assert numbers == [1, 2, 3, 4]
    assert "Page 4 of 4" in response.text
    assert seen == list(Document.objects.order_by("-updated_at", "-pk")
                        .values_list("pk", flat=True))
    previous = re.search(r'href="\?([^"]*cursor=[^"]+)">Previous<', response.text).group(1)
    back = client.get("/en/work/?" + unescape(previous))
    assert [d.pk for d in back.context["page"]] == seen[4:6]
    assert "Page 3 of 4" in back.text


def test_the_filters_stay_on_the_cursor_links(client, drafter, monkeypatch):
    from cica_docs.documents import views

    monkeypatch.setattr(views, "PER_PAGE", 2)
    for index in range(5):
        make_note(drafter, title_en=f"Filtered note {index}")
    client.force_login(drafter)
    response = client.get("/en/work/?list=mine&state=draft")
    link = unescape(re.search(r'href="\?([^"]*)">Next<', response.text).group(1))
    assert link.startswith("list=mine&state=draft&cursor=")
    assert "page=" not in link


def test_the_api_pages_by_cursor_and_keeps_count_and_page_numbers(drafter):
    for index in range(5):
        make_note(drafter, title_en=f"API note {index}")
    client = token_client(drafter)
    client.get("/api/v1/notes/")
    expected = list(Document.objects.order_by("-updated_at", "-pk").values_list("pk", flat=True))
    first, response = queries_of(client, "/api/v1/notes/?page_size=2")
    body, seen = response.json(), []
    assert body["previous"] is None and "cursor=" in body["next"]
    while True:
        assert body["count"] == 5
        seen += [item["id"] for item in body["results"]]
        if not body["next"]:
            break
        deep, response = queries_of(client, body["next"])
        assert deep == first
        body = response.json()
    assert seen == expected
    assert "page_size=2" in body["previous"] and "cursor=" in body["previous"]
    back = client.get(body["previous"]).json()
    assert [item["id"] for item in back["results"]] == expected[2:4]
    numbered = client.get("/api/v1/notes/?page_size=2&page=2").json()
    assert [item["id"] for item in numbered["results"]] == expected[2:4]
    assert "cursor=" in numbered["next"] and "page=" not in numbered["next"]
    assert client.get("/api/v1/notes/?page_size=2&page=9").status_code == 404
    assert client.get("/api/v1/notes/?cursor=nonsense").json()["results"][0]["id"] == expected[0]


def test_no_query_reads_past_rows_with_offset_on_a_cursor_page(documents):
    cursor = page_of(documents, 5, {"page": "3"}).next_cursor
    with CaptureQueriesContext(connection) as captured:
        list(page_of(documents, 5, {"cursor": cursor}))
    assert not [q["sql"] for q in captured if "OFFSET" in q["sql"]]
