"""Pages of long lists that cost the same deep down as at the top (keyset pagination).

A list ordered newest first by one column and the id (`-updated_at, -pk`; `-dispatched_at,
-pk`) is paged by where the previous page ended, not by how many rows to skip: the
"Next" and "Previous" links carry a cursor (the boundary row's column value and id, and the
number of the page it leads to), and the page is read from that point through the index.
OFFSET made page 3,000 of the work list read and throw away 75,000 rows.

- `?page=N` still works (a bookmarked or typed link): that page is read by OFFSET, and its
  own links are cursors again.
- A list in another order (search results, ranked by relevance) is paged by OFFSET only:
  it has no single column to continue from, and such lists are short.
- A cursor that cannot be read (edited by hand, from an older version) gives the first page,
  never an error; a cursor only says where to start reading the list the user may already
  see, so a forged one reveals nothing.
- "Page n of m" keeps its count (one COUNT query); n is carried in the cursor, so if rows
  were added meanwhile it is the page's position when the user started paging.
"""

import base64
import binascii
import datetime
import json
from collections.abc import Sequence

from django.core.paginator import Paginator
from django.db.models import Q


def keyset_order(queryset) -> str | None:
    """The column a queryset ordered `-column, -pk` continues from, else None (also for a
    list: the register's rows are built in Python)."""
    query = getattr(queryset, "query", None)
    if query is None:
        return None
    order = tuple(query.order_by or (query.get_meta().ordering if query.default_ordering else ()))
    if len(order) != 2 or order[1] not in ("-pk", "-id"):
        return None
    first = order[0]
    if not isinstance(first, str) or not first.startswith("-") or first[1:] in ("pk", "id"):
        return None
    return first[1:]


def _encode(direction: str, number: int, value, pk: int) -> str:
    if isinstance(value, datetime.datetime):
        value = value.isoformat()
    raw = json.dumps([direction, number, value, pk], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode(cursor: str):
    """(direction, number, value, pk) or None for anything that is not a cursor of ours."""
    if not cursor or len(cursor) > 200:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        direction, number, value, pk = json.loads(raw)
        if direction not in ("after", "before") or not isinstance(pk, int):
            return None
        if not isinstance(number, int) or number < 1:
            return None
        if isinstance(value, str):
            value = datetime.datetime.fromisoformat(value)
            if value.tzinfo is None:
                return None
        elif not isinstance(value, int):
            return None
        return direction, number, value, pk
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        return None


class Page(Sequence):
    """What the templates and the API read of a page, as Django's `Page` offers it, plus
    `next_cursor` / `previous_cursor` (empty where the list is paged by number only)."""

    def __init__(self, object_list, *, number, paginator, has_next, has_previous, column):
        self.object_list = list(object_list)
        self.number = number
        self.paginator = paginator
        self._has_next, self._has_previous = has_next, has_previous
        self.next_cursor = self.previous_cursor = ""
        if column and self.object_list:
            first, last = self.object_list[0], self.object_list[-1]
            if has_next:
                self.next_cursor = _encode("after", number + 1, getattr(last, column), last.pk)
            if has_previous:
                self.previous_cursor = _encode("before", max(1, number - 1),
                                               getattr(first, column), first.pk)

    def __len__(self):
        return len(self.object_list)

    def __getitem__(self, index):
        return self.object_list[index]

    def has_next(self):
        return self._has_next

    def has_previous(self):
        return self._has_previous

    def has_other_pages(self):
        return self._has_next or self._has_previous

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return max(1, self.number - 1)


def page_of(queryset, per_page: int, params, *, strict: bool = False) -> Page:
    """The page of `queryset` that `params` (request.GET or the API's query parameters)
    ask for: `cursor=` (keyset), else `page=` (by number). `strict` lets an invalid page
    number raise `InvalidPage` (the API's 404), as Django's `Paginator.page` does; pages
    otherwise fall back as `Paginator.get_page` does."""
    paginator = Paginator(queryset, per_page)
    column = keyset_order(queryset)
    cursor = _decode(params.get("cursor", "")) if column else None
    if cursor is not None:
        direction, number, value, pk = cursor
        if direction == "after":  # older than the boundary row: (column, pk) < (value, pk)
            rows = list(queryset.filter(**{f"{column}__lte": value})
                        .exclude(Q(**{column: value}) & Q(pk__gte=pk))[:per_page + 1])
            has_next, has_previous = len(rows) > per_page, True
            rows = rows[:per_page]
        else:  # newer than the boundary row, read upwards from it
            upwards = queryset.filter(**{f"{column}__gte": value}).exclude(
                Q(**{column: value}) & Q(pk__lte=pk)).order_by(column, "pk")
            rows = list(upwards[:per_page + 1])
            has_next, has_previous = True, len(rows) > per_page
            rows = rows[:per_page][::-1]
            if not has_previous:
                number = 1
        if rows:
            return Page(rows, number=number, paginator=paginator, has_next=has_next,
                        has_previous=has_previous, column=column)
        # Nothing left past the cursor (the rows after it were removed): the first page.
    number = params.get("page", 1) if cursor is None else 1
    page = paginator.page(number) if strict else paginator.get_page(number)
    return Page(page.object_list, number=page.number, paginator=paginator,
                has_next=page.has_next(), has_previous=page.has_previous(), column=column)
