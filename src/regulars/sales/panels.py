"""The receipts panel on the customer page (R1-R3, R5, R7)."""

from django.core.paginator import Paginator
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from regulars.core.panels import Panel

from .models import Receipt, ReceiptLine, ReceiptLink

PAGE_SIZE = 10


def customer_receipts(customer):
    """Receipts with the customer as main customer, linked afterwards (R9) or on a line (R1), newest first."""
    mine = Q(pk__in=_receipts_of(customer)) | Q(
        pk__in=ReceiptLine.objects.filter(customer=customer).values("receipt_id")
    )
    return (
        Receipt.objects.filter(mine)
        .select_related("staff", "till", "cancelled_by", "cancels")
        .prefetch_related("lines__staff", "payments")
        .order_by("-created_at", "-id")
    )


def _receipts_of(customer):
    """The ids of the customer's own receipts: booked for them, linked to them, and the cancellations of those."""
    # subqueries, not joins: each side of the OR reads its own index instead of every receipt
    links = ReceiptLink.objects.filter(customer=customer).values("receipt_id")
    linked = Q(pk__in=links) | Q(cancels_id__in=links)
    return Receipt.objects.filter(Q(customer=customer) | linked).values("pk")


def customer_lines(customer):
    """Lines booked to the customer: their own, or on their receipts without another customer."""
    # the receipts as a subquery, not a join: each side of the OR then reads its own index, not every line
    theirs = _receipts_of(customer)
    return ReceiptLine.objects.filter(Q(customer=customer) | Q(customer__isnull=True, receipt_id__in=theirs))


def revenue(customer) -> dict:
    """Revenue for services and for articles so far (R3); cancellations count against their originals."""
    lines = customer_lines(customer).exclude(receipt__kind="aborted")
    sums = lines.aggregate(
        services=Sum("total", filter=Q(service__isnull=False)), articles=Sum("total", filter=Q(article__isnull=False))
    )
    return {"services": sums["services"] or 0, "articles": sums["articles"] or 0}


def receipts_context(request, customer, page_number=None) -> dict:
    page = Paginator(customer_receipts(customer), PAGE_SIZE).get_page(page_number)
    services_had = (
        customer_lines(customer)
        .filter(service__isnull=False, receipt__kind="sale", receipt__cancelled_by__isnull=True)
        .select_related("receipt", "staff")
        .order_by("-receipt__created_at")[:20]
    )
    return {
        "customer": customer,
        "page": page,
        "revenue": revenue(customer),
        "open_credit": 0,
        "services_had": services_had,
    }


PANEL = Panel(
    key="receipts", title=_("Receipts"), template="sales/_customer_receipts.html", context=receipts_context, order=10
)
