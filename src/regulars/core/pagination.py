"""Counting that stays fast on a million customers: beyond a cap we say "more than N"."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_CAP = 1000


class CappedPaginator(Paginator):
    """A paginator that counts at most COUNT_CAP + 1 rows; `more` tells whether the cap was passed.

    The pages reach the first COUNT_CAP rows; past them the user narrows the search.
    """

    @cached_property
    def count(self) -> int:
        rows = self.object_list[: COUNT_CAP + 1]
        return rows.count() if hasattr(rows, "count") and not isinstance(rows, list) else len(rows)

    @property
    def more(self) -> bool:
        return self.count > COUNT_CAP

    @property
    def shown_count(self) -> int:
        return min(self.count, COUNT_CAP)
