"""Lists of any length: a count that stops at COUNT_CAP ("more than 1,000") and pages that reach every row.

Counting a million rows is slow, reading 25 of them after a known key is not: the count goes to COUNT_CAP + 1
only, and the pages are found by keyset (`keyset.py`), so every page stays reachable and as fast as the first.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

from .keyset import Cursor, ordered, seek, sort_key

COUNT_CAP = 1000

#: counts a list faster than the database would, up to a limit; None: count the usual way
Counter = Callable[[QuerySet, int], int | None]


def capped_count(queryset: QuerySet, counter: Counter | None = None) -> int:
    """How many rows, counted no further than COUNT_CAP + 1."""
    counted = counter(queryset, COUNT_CAP + 1) if counter else None
    return counted if counted is not None else queryset[: COUNT_CAP + 1].count()


@dataclass
class ListPage:
    """One page of a list: its rows, its number, the cursors of the pages beside it and the capped count."""

    rows: list
    number: int
    per_page: int
    count: int
    next: str | None = None
    previous: str | None = None

    @property
    def more(self) -> bool:
        return self.count > COUNT_CAP

    @property
    def shown_count(self) -> int:
        return min(self.count, COUNT_CAP)

    @property
    def num_pages(self) -> int | None:
        """The number of pages, when the count is exact."""
        return None if self.more else max(1, math.ceil(self.count / self.per_page))


def list_page(queryset: QuerySet, *, cursor: str | None, per_page: int, counter: Counter | None = None) -> ListPage:
    """The page of `queryset` that `cursor` names (the first without one); keyset.InvalidCursor for a foreign one."""
    key = sort_key(queryset)
    start = Cursor.decode(cursor, key) if cursor else Cursor(1)
    if key is None:
        rows = list(queryset[start.offset : start.offset + per_page + 1])
        page = ListPage(rows[:per_page], start.number, per_page, capped_count(queryset, counter))
        if len(rows) > per_page:
            page.next = Cursor(start.number + 1, offset=start.offset + per_page).encode(key)
        if start.offset:
            page.previous = Cursor(start.number - 1, offset=max(0, start.offset - per_page)).encode(key)
        return page
    if start.values:
        rows = seek(queryset, key, start.values, per_page + 1, start.backwards)
    else:
        rows = list(ordered(queryset, key)[: per_page + 1])
    if start.backwards:
        if len(rows) <= per_page:  # back at the start: the first page, full
            return list_page(queryset, cursor=None, per_page=per_page, counter=counter)
        rows = rows[:per_page][::-1]
        has_next, has_previous = True, True
    else:
        has_next, has_previous = len(rows) > per_page, start.number > 1
        rows = rows[:per_page]
    page = ListPage(rows, start.number, per_page, capped_count(queryset, counter))
    if rows and has_next:
        page.next = Cursor.after(rows[-1], key, start.number + 1).encode(key)
    if rows and has_previous:
        page.previous = Cursor.after(rows[0], key, max(1, start.number - 1), backwards=True).encode(key)
    return page
