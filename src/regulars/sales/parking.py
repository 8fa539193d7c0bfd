"""Parking a receipt at the till (R2): put it aside to serve another customer first, resume or abandon it later.

A parked receipt is a working note, not a fiscal record; abandoning it records an aborted receipt.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from regulars.catalog.models import Article, Service
from regulars.core.models import StaffMember
from regulars.customers.models import Customer

from .models import ParkedReceipt, Receipt, Till
from .services import BookingError, LineInput, abort_receipt, price_lines


def line_inputs(lines: list[dict]) -> list[LineInput]:
    """The till's cart lines (ids of article or service, quantity, staff and line customer) as lines to book."""

    def ids(key: str) -> list[int]:
        return [line[key] for line in lines if line.get(key)]

    articles = Article.objects.select_related("brand").in_bulk(ids("article"))
    services, staff = Service.objects.in_bulk(ids("service")), StaffMember.objects.in_bulk(ids("staff"))
    customers = Customer.objects.select_related("service_discount", "article_discount").in_bulk(ids("customer"))
    return [
        LineInput(
            article=articles.get(line.get("article")),
            service=services.get(line.get("service")),
            quantity=line["quantity"],
            staff=staff.get(line.get("staff")),
            customer=customers.get(line.get("customer")),
            unit_price=line.get("unit_price"),
            discount=line.get("discount"),
            reason=line.get("reason", ""),
        )
        for line in lines
    ]


def park_receipt(
    *, till: Till, staff: StaffMember, lines: list[dict], customer: Customer | None = None, user=None
) -> ParkedReceipt:
    """Put the receipt being put together aside, so that the till is free for another customer."""
    if not lines:
        raise BookingError(_("The receipt has no lines."), "lines")
    return ParkedReceipt.objects.create(
        till=till, staff=staff, customer=customer, lines=lines, created_by=user if user and user.pk else None
    )


def _take(parked: ParkedReceipt) -> ParkedReceipt:
    """The parked receipt, locked and deleted in the caller's transaction; refused when someone took it already."""
    taken = ParkedReceipt.objects.select_for_update().filter(pk=parked.pk).select_related("till", "staff").first()
    if taken is None:
        raise BookingError(_("This parked receipt was resumed or abandoned already."))
    taken.delete()
    return taken


def resume_receipt(*, parked: ParkedReceipt) -> ParkedReceipt:
    """Take a parked receipt back to go on with it; it is no longer parked. Returns it with its lines and customer."""
    with transaction.atomic():
        return _take(parked)


def abandon_parked_receipt(*, parked: ParkedReceipt, user=None) -> Receipt:
    """Give up a parked receipt: it is recorded as an aborted receipt (numbered, never paid) and no longer parked."""
    with transaction.atomic():
        taken = _take(parked)
        return abort_receipt(
            till=taken.till, staff=taken.staff, lines=line_inputs(taken.lines), customer=taken.customer, user=user
        )


@dataclass(frozen=True)
class ParkedSummary:
    """A parked receipt as the till lists it; `total` is None when it cannot be priced as it stands."""

    parked: ParkedReceipt
    lines: int
    total: int | None


def parked_receipts(*, till: Till) -> list[ParkedSummary]:
    """The till's parked receipts, oldest first, with their totals at today's prices and discounts."""
    receipts = list(
        till.parked_receipts.select_related("customer__service_discount", "customer__article_discount", "staff")
    )
    inputs = iter(line_inputs([line for parked in receipts for line in parked.lines]))  # one query per kind for all
    summaries = []
    for parked in receipts:
        lines = [next(inputs) for _line in parked.lines]
        try:
            priced = price_lines(
                lines=lines, customer=parked.customer, staff=parked.staff, shop_id=till.shop_id, for_sale=False
            )
            total = sum(line.total for line in priced)
        except BookingError:
            total = None
        summaries.append(ParkedSummary(parked=parked, lines=len(parked.lines), total=total))
    return summaries
