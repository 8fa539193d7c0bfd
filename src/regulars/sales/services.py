"""Booking and cancelling receipts: gapless numbers per till, hash chain, discounts, regular staff (S2-S4)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regulars.audit.services import record_changes
from regulars.catalog.models import Article, Service
from regulars.core.models import StaffMember
from regulars.core.services import next_number
from regulars.customers.models import Customer, VatTreatment
from regulars.customers.services import CustomerData, update_customer

from . import fiscal
from .models import Payment, PaymentMethod, Receipt, ReceiptKind, ReceiptLine, ReceiptLink, Till
from .pricing import contained_vat, discount_for, net_of


class BookingError(Exception):
    """The receipt cannot be booked as asked; `field` names the part of the request, nothing was booked."""

    def __init__(self, message: str, field: str = "non_field_errors"):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class LineInput:
    """An article or a service to book; staff and customer default to the receipt's."""

    article: Article | None = None
    service: Service | None = None
    quantity: int = 1
    staff: StaffMember | None = None
    customer: Customer | None = None


@dataclass(frozen=True)
class PaymentInput:
    method: str
    amount: int


def _customer_snapshot(customer: Customer | None) -> dict:
    if customer is None:
        return {}
    address = "\n".join(
        part
        for part in (customer.street, customer.address_extra, f"{customer.postcode} {customer.city}".strip())
        if part
    )
    return {
        "customer": customer,
        "customer_number": customer.number,
        "customer_name": " ".join(p for p in (customer.full_name, customer.company and f"({customer.company})") if p),
        "customer_address": address,
        "customer_vat_id": customer.vat_id,
        "vat_treatment": customer.vat_treatment,
    }


def _price_line(
    position: int, line: LineInput, receipt_customer: Customer | None, staff: StaffMember, for_sale: bool
) -> ReceiptLine:
    item = line.article or line.service
    if (line.article is None) == (line.service is None):
        raise BookingError(_("Each line is either an article or a service."), "lines")
    if for_sale and not item.active:
        raise BookingError(_("“%(item)s” is no longer sold.") % {"item": item}, "lines")
    if line.quantity <= 0:
        raise BookingError(_("The quantity of “%(item)s” must be at least 1.") % {"item": item}, "lines")
    customer = line.customer or receipt_customer
    if for_sale and customer is not None and not customer.active:
        raise BookingError(_("Customer %(name)s is inactive.") % {"name": customer}, "customer")
    discount = None
    if customer is not None:
        discount = customer.article_discount if line.article else customer.service_discount
    unit_price, vat_rate = item.price, item.vat_rate
    if receipt_customer is not None and receipt_customer.vat_treatment != VatTreatment.NONE:
        # net invoice (reverse charge) or VAT exempt (C10): the invoice's recipient pays the net price
        unit_price, vat_rate = net_of(unit_price, vat_rate), 0
    off = discount_for(unit_price * line.quantity, discount)
    total = unit_price * line.quantity - off
    return ReceiptLine(
        position=position,
        article=line.article,
        service=line.service,
        description=item.name,
        brand=line.article.brand.name if line.article and line.article.brand_id else "",
        quantity=line.quantity,
        unit_price=unit_price,
        discount=off,
        discount_name=discount.name if off else "",
        total=total,
        vat_rate=vat_rate,
        vat=contained_vat(total, vat_rate),
        staff=line.staff or staff,
        customer=line.customer,
    )


def price_lines(
    *, lines: list[LineInput], customer: Customer | None, staff: StaffMember, for_sale: bool = True
) -> list[ReceiptLine]:
    """The lines as they would be booked, with the customer's discounts (C7); unsaved, for the till's cart too.

    for_sale=False prices what was put together but is not sold (an aborted or parked receipt): an article
    taken out of the range or a customer deactivated since is priced as it was, not refused.
    """
    return [_price_line(position, line, customer, staff, for_sale) for position, line in enumerate(lines, start=1)]


def _check_payments(total: int, payments: list[PaymentInput]) -> int:
    """The change to give; an error when the payments fall short or only cash could give change."""
    if not payments:
        raise BookingError(_("Please choose how the customer pays."), "payments")
    if any(p.method not in PaymentMethod.values for p in payments):
        raise BookingError(_("Unknown payment method."), "payments")
    if any(p.amount <= 0 for p in payments):
        raise BookingError(_("Every payment must be more than 0."), "payments")
    paid = sum(p.amount for p in payments)
    if paid < total:
        raise BookingError(_("The payments fall short of the total."), "payments")
    change = paid - total
    cash = sum(p.amount for p in payments if p.method == PaymentMethod.CASH)
    if change > cash:
        raise BookingError(_("Only cash can be more than the total; card payments must not exceed it."), "payments")
    return change


def _write(receipt: Receipt, lines: list[ReceiptLine], payments: list[Payment]) -> Receipt:
    """Number the receipt, chain it to the till's previous one and store it with its lines and payments."""
    receipt.number = next_number(series=f"receipt-till-{receipt.till_id}", start=1)
    previous = Receipt.objects.filter(till_id=receipt.till_id).order_by("-number").values_list("hash", flat=True)
    receipt.previous_hash = previous.first() or ""
    receipt.created_at = timezone.now()
    receipt.hash = fiscal.receipt_hash(receipt.previous_hash, fiscal.content(receipt, lines, payments))
    receipt.save()
    for line in lines:
        line.receipt = receipt
    for payment in payments:
        payment.receipt = receipt
    ReceiptLine.objects.bulk_create(lines)
    Payment.objects.bulk_create(payments)
    _remember(receipt, lines=lines, payments=payments)
    return receipt


def _remember(receipt: Receipt, *, lines: list[ReceiptLine], payments: list[Payment]) -> None:
    """Keep what was just written on the receipt, as prefetch_related would: showing it needs no query."""
    cache = receipt.__dict__.setdefault("_prefetched_objects_cache", {})
    for name, rows in (("lines", lines), ("payments", payments)):
        cached = getattr(receipt, name).get_queryset()
        cached._result_cache, cached._prefetch_done = rows, True
        cache[name] = cached
    Receipt.cancelled_by.related.set_cached_value(receipt, None)  # a new receipt is not cancelled


def book_receipt(
    *,
    till: Till,
    staff: StaffMember,
    lines: list[LineInput],
    payments: list[PaymentInput],
    customer: Customer | None = None,
    user=None,
) -> Receipt:
    """Book a sale: all of it or nothing. Updates the customer's regular staff member (C9)."""
    if not till.active:
        raise BookingError(_("This till is not active."), "till")
    if not lines:
        raise BookingError(_("The receipt has no lines."), "lines")
    if customer is not None and not customer.active:
        raise BookingError(_("Customer %(name)s is inactive.") % {"name": customer}, "customer")
    priced = price_lines(lines=lines, customer=customer, staff=staff)
    total = sum(line.total for line in priced)
    change = _check_payments(total, payments)
    with transaction.atomic():
        if customer is not None and customer.regular_staff_id != staff.pk:
            update_customer(
                customer_id=customer.pk,
                data=CustomerData(fields={"regular_staff": staff}),
                expected_version=None,
                user=user,
            )
        receipt = Receipt(
            till=till, kind=ReceiptKind.SALE, staff=staff, total=total, change=change, **_customer_snapshot(customer)
        )
        # the till's number is taken last: its row stays locked until the commit, other bookings wait for it
        _write(receipt, priced, [Payment(method=p.method, amount=p.amount) for p in payments])
    return receipt


def abort_receipt(
    *, till: Till, staff: StaffMember, lines: list[LineInput], customer: Customer | None = None
) -> Receipt:
    """Record a receipt that was put together and abandoned (R2): numbered and chained, never paid."""
    priced = price_lines(lines=lines, customer=customer, staff=staff, for_sale=False)
    with transaction.atomic():
        receipt = Receipt(
            till=till, kind=ReceiptKind.ABORTED, staff=staff, total=sum(line.total for line in priced), change=0,
            **_customer_snapshot(customer),
        )  # fmt: skip
        return _write(receipt, priced, [])


def cancel_receipt(*, receipt: Receipt, staff: StaffMember, user=None) -> Receipt:
    """Reverse a sale with a cancellation receipt that names it (S3); the original stays unchanged."""
    with transaction.atomic():
        original = Receipt.objects.select_related("till").get(pk=receipt.pk)
        if original.kind != ReceiptKind.SALE:
            raise BookingError(_("Only a sale can be cancelled."))
        if Receipt.objects.filter(cancels=original).exists():
            raise BookingError(_("Receipt %(number)s is cancelled already.") % {"number": original.number})
        lines = [
            ReceiptLine(
                position=line.position, article_id=line.article_id, service_id=line.service_id,
                description=line.description, brand=line.brand, quantity=-line.quantity, unit_price=line.unit_price,
                discount=-line.discount, discount_name=line.discount_name, total=-line.total, vat_rate=line.vat_rate,
                vat=-line.vat, staff_id=line.staff_id, customer_id=line.customer_id,
            )
            for line in original.lines.all()
        ]  # fmt: skip
        paid_back = [Payment(method=p.method, amount=-p.amount) for p in original.payments.all()]
        cash_back = next((p for p in paid_back if p.method == PaymentMethod.CASH), None)
        if cash_back is not None:
            cash_back.amount += original.change  # the change given is not paid back twice
        cancellation = Receipt(
            till=original.till, kind=ReceiptKind.CANCELLATION, staff=staff, total=-original.total, change=0,
            cancels=original, customer_id=original.customer_id, customer_number=original.customer_number,
            customer_name=original.customer_name, customer_address=original.customer_address,
            customer_vat_id=original.customer_vat_id, vat_treatment=original.vat_treatment,
        )  # fmt: skip
        return _write(cancellation, lines, [p for p in paid_back if p.amount])


def link_receipt(*, receipt: Receipt, customer: Customer, user=None) -> ReceiptLink:
    """Link a receipt booked without customer to one afterwards (R9); once, and written to the protocol."""
    with transaction.atomic():
        receipt = Receipt.objects.select_related("till").get(pk=receipt.pk)
        if receipt.customer_id is not None or ReceiptLink.objects.filter(receipt=receipt).exists():
            raise BookingError(_("Receipt %(number)s belongs to a customer already.") % {"number": receipt.number})
        if receipt.kind != ReceiptKind.SALE:
            raise BookingError(_("Only a sale can be linked to a customer."))
        if not customer.active:
            raise BookingError(_("Customer %(name)s is inactive.") % {"name": customer}, "customer")
        link = ReceiptLink.objects.create(receipt=receipt, customer=customer, user=user if user and user.pk else None)
        linked = {"id": receipt.pk, "label": f"{receipt.till.name} #{receipt.number}"}
        record_changes(
            kind_key="customer", record_id=customer.pk, before={}, after={"linked_receipt": linked}, user=user
        )
    return link


def receipt_status(receipt: Receipt) -> str:
    """booked, cancelled, cancellation or aborted, as lists and the API show it (R2)."""
    if receipt.kind == ReceiptKind.SALE:
        return "cancelled" if hasattr(receipt, "cancelled_by") else "booked"
    return receipt.kind
