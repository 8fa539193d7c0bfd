"""Booking, aborting, cancelling and linking receipts (S2-S4, R2, R9): gapless numbers per till, the seal of the
chain, the seller's data of the day, the login that booked, the regular staff member and the popup remark.

A till books only its own shop's goods and staff, for users who work in that shop (core.services.shops_of).
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regulars.audit.services import record_changes
from regulars.core.models import StaffMember
from regulars.core.services import default_staff, may_work_at, next_number
from regulars.customers.models import Customer, PopupMode
from regulars.customers.services import CustomerData, update_customer

from . import anchors, fiscal
from .inputs import BookingError, LineInput, PaymentInput
from .models import IdempotencyKey, Payment, PaymentMethod, Receipt, ReceiptKind, ReceiptLine, ReceiptLink, Till
from .pricing import price_lines
from .sellers import missing_invoice_data, seller_for

__all__ = [
    "BookingError", "LineInput", "PaymentInput", "abort_receipt", "book_once", "book_receipt", "cancel_receipt",
    "default_till", "link_receipt", "price_lines", "receipt_status",
]  # fmt: skip


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


def _check_till(till: Till, staff: StaffMember, user) -> None:
    """The till books for its own shop: its staff, and users who work there (None: the system itself)."""
    if not till.active:
        raise BookingError(_("This till is not active."), "till")
    if user is not None and not may_work_at(user, till.shop_id):
        raise BookingError(_("You do not work in %(shop)s: its tills are not yours.") % {"shop": till.shop}, "till")
    if staff.shop_id != till.shop_id:
        raise BookingError(_("%(staff)s does not work in %(shop)s.") % {"staff": staff, "shop": till.shop}, "staff")


def _seller(till: Till):
    """The shop's invoice data of today; refused while it lacks what its country requires on an invoice."""
    missing = missing_invoice_data(till.shop)
    if missing:
        raise BookingError(
            _("%(shop)s cannot book receipts yet: its invoices need %(missing)s. An administrator enters them under "
              "Master data → Shops.") % {"shop": till.shop, "missing": ", ".join(missing)},
            "till",
        )  # fmt: skip
    return seller_for(till.shop)


def _booked_by(user) -> dict:
    user = user if getattr(user, "is_authenticated", False) else None
    return {"user": user, "user_name": user.get_username() if user else None}


def _write(receipt: Receipt, lines: list[ReceiptLine], payments: list[Payment]) -> Receipt:
    """Number the receipt, seal it onto the till's chain and store it with its lines and payments.

    THE TILL'S LOCK: taking the number locks the till's number series row until the commit, and every other
    booking at this till waits for it. So this is the last step of a booking, and it does nothing but write:
    everything that reads or decides (pricing, checks, the seller's copy, the customer's update) is done
    before it is called. The anchor outside the database is written after the commit.
    """
    receipt.number = next_number(series=fiscal.receipt_series(receipt.till_id), start=1)
    previous = Receipt.objects.filter(till_id=receipt.till_id).order_by("-number").values_list("hash", flat=True)
    receipt.previous_hash = previous.first() or ""
    receipt.created_at = timezone.now()
    receipt.hash_version = fiscal.VERSION
    receipt.hash = fiscal.receipt_seal(receipt, lines, payments, receipt.seller.digest)
    receipt.save()
    for line in lines:
        line.receipt = receipt
    for payment in payments:
        payment.receipt = receipt
    ReceiptLine.objects.bulk_create(lines)
    Payment.objects.bulk_create(payments)
    _remember(receipt, lines=lines, payments=payments)
    chain, number, digest = fiscal.till_chain(receipt.till_id), receipt.number, receipt.hash
    transaction.on_commit(lambda: anchors.write(chain, number, digest))
    return receipt


def _remember(receipt: Receipt, *, lines: list[ReceiptLine], payments: list[Payment]) -> None:
    """Keep what was just written on the receipt, as prefetch_related would: showing it needs no query."""
    cache = receipt.__dict__.setdefault("_prefetched_objects_cache", {})
    for name, rows in (("lines", lines), ("payments", payments)):
        cached = getattr(receipt, name).get_queryset()
        cached._result_cache, cached._prefetch_done = rows, True
        cache[name] = cached
    Receipt.cancelled_by.related.set_cached_value(receipt, None)  # a new receipt is not cancelled
    Receipt.link.related.set_cached_value(receipt, None)  # nor linked


def _after_sale(customer: Customer | None, staff: StaffMember, user) -> None:
    """The customer's regular staff member becomes the receipt's (C9); a popup remark for the next visit has been
    seen and confirmed at this sale, so it is cleared now (C6). One protocolled change, before the till's lock."""
    if customer is None:
        return
    fields = {}
    if customer.regular_staff_id != staff.pk:
        fields["regular_staff"] = staff
    if customer.popup_mode == PopupMode.NEXT_VISIT:
        fields["popup_mode"] = PopupMode.OFF
    if fields:
        update_customer(customer_id=customer.pk, data=CustomerData(fields=fields), expected_version=None, user=user)


def book_receipt(
    *,
    till: Till,
    staff: StaffMember,
    lines: list[LineInput],
    payments: list[PaymentInput],
    customer: Customer | None = None,
    user=None,
) -> Receipt:
    """Book a sale: all of it or nothing. `staff` is the responsible staff member; `user` the login booking it."""
    _check_till(till, staff, user)
    if not lines:
        raise BookingError(_("The receipt has no lines."), "lines")
    if customer is not None and not customer.active:
        raise BookingError(_("Customer %(name)s is inactive.") % {"name": customer}, "customer")
    priced = price_lines(lines=lines, customer=customer, staff=staff, shop_id=till.shop_id, user=user)
    total = sum(line.total for line in priced)
    change = _check_payments(total, payments)
    with transaction.atomic():
        seller = _seller(till)
        _after_sale(customer, staff, user)
        receipt = Receipt(
            till=till, kind=ReceiptKind.SALE, staff=staff, total=total, change=change, seller=seller,
            **_booked_by(user), **_customer_snapshot(customer),
        )  # fmt: skip
        _write(receipt, priced, [Payment(method=p.method, amount=p.amount) for p in payments])
    return receipt


def abort_receipt(
    *, till: Till, staff: StaffMember, lines: list[LineInput], customer: Customer | None = None, user=None
) -> Receipt:
    """Record a receipt that was put together and abandoned (R2): numbered and chained, never paid."""
    _check_till(till, staff, user)
    priced = price_lines(lines=lines, customer=customer, staff=staff, shop_id=till.shop_id, user=user, for_sale=False)
    with transaction.atomic():
        receipt = Receipt(
            till=till, kind=ReceiptKind.ABORTED, staff=staff, total=sum(line.total for line in priced), change=0,
            seller=_seller(till), **_booked_by(user), **_customer_snapshot(customer),
        )  # fmt: skip
        return _write(receipt, priced, [])


def _reversed_lines(original: Receipt) -> list[ReceiptLine]:
    return [
        ReceiptLine(
            position=line.position, article_id=line.article_id, service_id=line.service_id,
            description=line.description, brand=line.brand, quantity=-line.quantity, unit_price=line.unit_price,
            list_price=line.list_price, discount=-line.discount, discount_name=line.discount_name, total=-line.total,
            vat_rate=line.vat_rate, vat=-line.vat, staff_id=line.staff_id, customer_id=line.customer_id,
            override_reason=line.override_reason,
        )
        for line in original.lines.all()
    ]  # fmt: skip


def cancel_receipt(*, receipt: Receipt, user=None, staff: StaffMember | None = None) -> Receipt:
    """Reverse a sale with a cancellation receipt that names it (S3); the original stays unchanged.

    The responsible staff member is `staff`, else the user's own when they work in the receipt's shop, else the
    original's.
    """
    with transaction.atomic():
        original = Receipt.objects.select_related("till__shop", "staff").get(pk=receipt.pk)
        if staff is None:
            own = default_staff(user)
            staff = own if own is not None and own.shop_id == original.till.shop_id else original.staff
        _check_till(original.till, staff, user)
        if original.kind != ReceiptKind.SALE:
            raise BookingError(_("Only a sale can be cancelled."))
        if Receipt.objects.filter(cancels=original).exists():
            raise BookingError(_("Receipt %(number)s is cancelled already.") % {"number": original.number})
        paid_back = [Payment(method=p.method, amount=-p.amount) for p in original.payments.all()]
        cash_back = next((p for p in paid_back if p.method == PaymentMethod.CASH), None)
        if cash_back is not None:
            cash_back.amount += original.change  # the change given is not paid back twice
        cancellation = Receipt(
            till=original.till, kind=ReceiptKind.CANCELLATION, staff=staff, total=-original.total, change=0,
            cancels=original, customer_id=original.customer_id, customer_number=original.customer_number,
            customer_name=original.customer_name, customer_address=original.customer_address,
            customer_vat_id=original.customer_vat_id, vat_treatment=original.vat_treatment,
            seller=_seller(original.till), **_booked_by(user),
        )  # fmt: skip
        return _write(cancellation, _reversed_lines(original), [p for p in paid_back if p.amount])


def link_receipt(*, receipt: Receipt, customer: Customer, user=None) -> ReceiptLink:
    """Link a receipt booked without customer to one afterwards (R9); once, sealed in the links' chain and written
    to the customer's protocol."""
    with transaction.atomic():
        receipt = Receipt.objects.select_related("till").get(pk=receipt.pk)
        if user is not None and not may_work_at(user, receipt.till.shop_id):
            raise BookingError(_("You do not work in the shop of receipt %(number)s.") % {"number": receipt.number})
        if receipt.customer_id is not None or ReceiptLink.objects.filter(receipt=receipt).exists():
            raise BookingError(_("Receipt %(number)s belongs to a customer already.") % {"number": receipt.number})
        if receipt.kind != ReceiptKind.SALE:
            raise BookingError(_("Only a sale can be linked to a customer."))
        if not customer.active:
            raise BookingError(_("Customer %(name)s is inactive.") % {"name": customer}, "customer")
        linked = {"id": receipt.pk, "label": f"{receipt.till.name} #{receipt.number}"}
        record_changes(
            kind_key="customer", record_id=customer.pk, before={}, after={"linked_receipt": linked}, user=user
        )
        link = ReceiptLink(receipt=receipt, customer=customer, user=_booked_by(user)["user"], created_at=timezone.now())
        link.number = next_number(series=fiscal.LINK_SERIES, start=1)  # locks the links' chain until the commit
        previous = ReceiptLink.objects.filter(number__isnull=False).order_by("-number").values_list("hash", flat=True)
        link.previous_hash = previous.first() or ""
        link.hash = fiscal.seal(link.previous_hash, fiscal.link_content(link, receipt.hash))
        link.save()
        number, digest = link.number, link.hash
        transaction.on_commit(lambda: anchors.write(fiscal.LINKS_CHAIN, number, digest))
    return link


def receipt_status(receipt: Receipt) -> str:
    """booked, cancelled, cancellation or aborted, as lists and the API show it (R2)."""
    if receipt.kind == ReceiptKind.SALE:
        return "cancelled" if hasattr(receipt, "cancelled_by") else "booked"
    return receipt.kind


def default_till(user) -> Till | None:
    """The till a user books at unless told otherwise: the only active till of the shop they work in now."""
    if not getattr(user, "shop_id", None):
        return None
    tills = list(Till.objects.filter(active=True, shop_id=user.shop_id)[:2])
    return tills[0] if len(tills) == 1 else None


class IdempotencyConflict(Exception):
    """The Idempotency-Key was used before for another receipt: the earlier receipt stays, nothing is booked."""


@dataclass(frozen=True)
class Booked:
    receipt: Receipt
    replayed: bool  #: True when the key was used before and the receipt booked then is returned


def request_fingerprint(data) -> str:
    """What a booking request asked for, so that a retry with the same key is recognised as the same request."""
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def book_once(*, user, key: str, fingerprint: str, book: Callable[[], Receipt]) -> Booked:
    """Book with an Idempotency-Key: the first request books, a retry with the same key and request gets the same
    receipt, the same key with another request is refused (IdempotencyConflict). Without a key, every call books.
    """
    key = key.strip()[:255]
    if key:
        earlier = IdempotencyKey.objects.filter(user=user, key=key).select_related("receipt").first()
        if earlier is not None:
            return _replay(earlier, fingerprint)
    try:
        with transaction.atomic():
            receipt = book()
            if key:
                IdempotencyKey.objects.create(user=user, key=key, fingerprint=fingerprint, receipt=receipt)
    except IntegrityError:
        earlier = IdempotencyKey.objects.filter(user=user, key=key).first() if key else None
        if earlier is None:
            raise
        return _replay(earlier, fingerprint)  # a concurrent retry booked it first
    return Booked(receipt, replayed=False)


def _replay(earlier: IdempotencyKey, fingerprint: str) -> Booked:
    if earlier.fingerprint != fingerprint:
        raise IdempotencyConflict
    return Booked(earlier.receipt, replayed=True)
