"""The receipts panel on the customer page (R1-R3, R5, R7)."""

from django.core.paginator import Paginator
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from regulars.core.panels import Panel

from .models import Receipt, ReceiptLine, ReceiptLink

PAGE_SIZE = 10


def customer_receipts(customer):
    """Receipts with the customer as main customer, linked afterwards (R9) or on a line (R1), newest first."""
    on_lines = ReceiptLine.objects.filter(customer=customer).order_by().values("receipt_id")
    return (
        Receipt.objects.filter(pk__in=_receipts_of(customer).union(on_lines))
        .select_related("staff", "till__shop", "cancels", "seller")
        # the reverse ones (a cancellation, a link) fetched for the page only: joined, they made PostgreSQL join
        # every receipt of every customer before picking this customer's (750 ms instead of 40 with 100,000)
        .prefetch_related("cancelled_by", "link", "lines__staff", "payments")
        .order_by("-created_at", "-id")
    )


def _receipts_of(customer):
    """The ids of the customer's own receipts: booked for them, linked to them, and the cancellations of those."""
    # a UNION of indexed lookups: an OR over joins or subqueries reads every receipt (PostgreSQL, SQLite)
    # (no ORDER BY in the parts: SQLite refuses it in a compound SELECT)
    links = ReceiptLink.objects.filter(customer=customer).order_by().values("receipt_id")
    return (
        Receipt.objects.filter(customer=customer)
        .order_by()
        .values("pk")
        .union(links, Receipt.objects.filter(cancels_id__in=links).order_by().values("pk"))
    )


def customer_lines(customer, **line_filter):
    """Lines booked to the customer: their own, or on their receipts without another customer.

    `line_filter` narrows the lines inside both lookups (e.g. services only), before they are joined.
    """
    # a UNION of indexed lookups, not an OR (which reads every line)
    lines = ReceiptLine.objects.order_by().filter(**line_filter)
    theirs = lines.filter(customer__isnull=True, receipt_id__in=_receipts_of(customer)).values("pk")
    return ReceiptLine.objects.filter(pk__in=lines.filter(customer=customer).values("pk").union(theirs))


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
        customer_lines(customer, service__isnull=False)
        .filter(receipt__kind="sale", receipt__cancelled_by__isnull=True)
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
