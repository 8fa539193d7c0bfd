"""The demo writes into a database only when everything in it is the demo's own (issue: a re-run once added
invented receipts to a customer made through the API, inside the real chain).

Every row the demo writes is remembered as a range of ids (DemoRange); before it writes, `foreign_data()` counts
the rows of the business tables that no range covers.
"""

from collections.abc import Iterable

from django.apps import apps
from django.db.models import Q

from .models import DemoRange

#: the tables of a business's data; a row in one of them that the demo did not write makes it refuse
BUSINESS_TABLES = (
    "core.shop", "core.user", "core.staffmember", "sales.till", "catalog.brand", "catalog.articlecategory",
    "catalog.article", "catalog.service", "catalog.discount", "customers.customergroup", "customers.customer",
    "sales.receipt", "sales.receiptlink", "sales.parkedreceipt", "orders.order", "communication.mailaccount",
)  # fmt: skip
#: rows the migrations create, which are nobody's data
MIGRATION_ROWS = {"customers.customergroup": Q(key__in=["standard", "webshop"])}


class ForeignDataError(Exception):
    """The database holds data the demo did not create: it writes nothing."""

    def __init__(self, counts: dict[str, int]):
        super().__init__(counts)
        self.counts = counts


def _ranges(table: str) -> Q:
    covered = Q(pk__in=[])
    for first, last in DemoRange.objects.filter(table=table).values_list("first_id", "last_id"):
        covered |= Q(pk__gte=first, pk__lte=last)
    return covered


def foreign_data() -> dict[str, int]:
    """How many rows of each business table the demo did not write (only tables with such rows)."""
    counts = {}
    for table in BUSINESS_TABLES:
        model = apps.get_model(table)
        rows = model._base_manager.exclude(_ranges(table))
        if table in MIGRATION_ROWS:
            rows = rows.exclude(MIGRATION_ROWS[table])
        if count := rows.count():
            counts[str(model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural)] = count
    return counts


def check_only_demo_data() -> None:
    """ForeignDataError when any business table holds a row the demo did not write."""
    counts = foreign_data()
    if counts:
        raise ForeignDataError(counts)


def remember_range(model, first_id: int, last_id: int) -> None:
    """Note rows first_id..last_id of a model's table as the demo's (written in bulk)."""
    if last_id >= first_id:
        DemoRange.objects.create(table=model._meta.label_lower, first_id=first_id, last_id=last_id)


def remember(model, ids: Iterable[int]) -> None:
    """Note rows as the demo's: consecutive ids become one range."""
    ranges, start, last = [], None, None
    for pk in sorted(ids):
        if start is not None and pk == last + 1:
            last = pk
            continue
        if start is not None:
            ranges.append((start, last))
        start = last = pk
    if start is not None:
        ranges.append((start, last))
    table = model._meta.label_lower
    DemoRange.objects.bulk_create(DemoRange(table=table, first_id=a, last_id=b) for a, b in ranges)


def remember_created(pairs: Iterable[tuple]) -> list:
    """For get_or_create() results: remember the objects created now, return all of them."""
    objects = []
    created_by_model: dict = {}
    for obj, created in pairs:
        objects.append(obj)
        if created:
            created_by_model.setdefault(type(obj), []).append(obj.pk)
    for model, ids in created_by_model.items():
        remember(model, ids)
    return objects
