"""Prices of receipt lines: the customer's discounts (C7), prices and discounts given by hand, the VAT contained in
gross prices, net prices for net-invoice and VAT-exempt customers (C10)."""

from decimal import Decimal

from django.utils.translation import gettext as _

from regulars.catalog.models import Discount, DiscountKind
from regulars.core.models import StaffMember
from regulars.core.money import percent_of, round_cents
from regulars.core.roles import Role, has_role
from regulars.customers.models import Customer, VatTreatment

from .inputs import MAX_AMOUNT, MAX_QUANTITY, BookingError, LineInput
from .models import ReceiptLine


def discount_for(gross: int, discount: Discount | None) -> int:
    """What a customer's discount takes off a line's gross amount; never more than the line."""
    if discount is None or not discount.active or gross <= 0:
        return 0
    if discount.kind == DiscountKind.PERCENT:
        return min(gross, percent_of(gross, discount.percent))
    return min(gross, discount.amount)


def net_of(gross: int, rate: int) -> int:
    """A gross amount without the VAT at `rate` hundredths of a percent (1900 = 19 %)."""
    return round_cents(Decimal(gross) * 10000 / (10000 + rate))


def contained_vat(total: int, rate: int) -> int:
    """The VAT inside a gross amount at `rate` hundredths of a percent (1900 = 19 %)."""
    return total - net_of(total, rate)


def may_override(user) -> bool:
    """Whether the user may change a price or give a discount by hand at the till (managers and administrators)."""
    return has_role(user, Role.MANAGER)


def _check_line(index: int, line: LineInput, shop_id: int | None, user, for_sale: bool) -> None:
    item = line.item
    if (line.article is None) == (line.service is None):
        raise BookingError(_("Each line is either an article or a service."), "article", index)
    field = "article" if line.article else "service"
    if shop_id is not None and item.shop_id != shop_id:
        raise BookingError(_("“%(item)s” is not sold in this shop.") % {"item": item}, field, index)
    if for_sale and not item.active:
        raise BookingError(_("“%(item)s” is no longer sold.") % {"item": item}, field, index)
    if not 1 <= line.quantity <= MAX_QUANTITY:
        message = _("The quantity of “%(item)s” must be from 1 to %(most)s.") % {"item": item, "most": MAX_QUANTITY}
        raise BookingError(message, "quantity", index)
    if shop_id is not None and line.staff is not None and line.staff.shop_id != shop_id:
        message = _("%(staff)s does not work in this shop.") % {"staff": line.staff}
        raise BookingError(message, "staff", index)
    if line.overridden and for_sale:
        _check_override(index, line, user)


def _check_override(index: int, line: LineInput, user) -> None:
    if not may_override(user):
        raise BookingError(_("Only a manager may change a price or give a discount by hand."), "unit_price", index)
    if not line.reason.strip():
        raise BookingError(_("Please give the reason for the changed price or discount."), "reason", index)
    for name, value in (("unit_price", line.unit_price), ("discount", line.discount)):
        if value is not None and not 0 <= value <= MAX_AMOUNT:
            raise BookingError(_("Please enter an amount from 0 to 1,000,000."), name, index)


def _price_line(
    index: int, line: LineInput, receipt_customer: Customer | None, staff: StaffMember, shop_id: int | None
) -> ReceiptLine:
    item = line.item
    customer = line.customer or receipt_customer
    discount = None
    if customer is not None:
        discount = customer.article_discount if line.article else customer.service_discount
        if discount is not None and shop_id is not None and discount.shop_id != shop_id:
            discount = None  # a shop's discount applies at its own tills only
    catalogue, vat_rate = item.price, item.vat_rate
    unit_price = catalogue if line.unit_price is None else line.unit_price
    list_price = catalogue if unit_price != catalogue else None
    if receipt_customer is not None and receipt_customer.vat_treatment != VatTreatment.NONE:
        # net invoice (reverse charge) or VAT exempt (C10): the invoice's recipient pays the net price
        unit_price, list_price = net_of(unit_price, vat_rate), list_price and net_of(list_price, vat_rate)
        vat_rate = 0
    gross = unit_price * line.quantity
    if line.discount is not None:
        off, name = min(gross, line.discount), line.reason.strip()
    else:
        off = discount_for(gross, discount)
        name = discount.name if off else ""
    total = gross - off
    return ReceiptLine(
        position=index + 1,
        article=line.article,
        service=line.service,
        description=item.name,
        brand=line.article.brand.name if line.article and line.article.brand_id else "",
        quantity=line.quantity,
        unit_price=unit_price,
        list_price=list_price,
        discount=off,
        discount_name=name,
        total=total,
        vat_rate=vat_rate,
        vat=contained_vat(total, vat_rate),
        staff=line.staff or staff,
        customer=line.customer,
        override_reason=line.reason.strip() if line.overridden else None,
    )


def price_lines(
    *,
    lines: list[LineInput],
    customer: Customer | None,
    staff: StaffMember,
    shop_id: int | None = None,
    user=None,
    for_sale: bool = True,
) -> list[ReceiptLine]:
    """The lines as they would be booked at a till of shop `shop_id`, with the customer's discounts (C7) of that
    shop; unsaved, for the till's cart too.

    for_sale=False prices what was put together but is not sold (an aborted or parked receipt): an article
    taken out of the range or a customer deactivated since is priced as it was, not refused.
    """
    priced = []
    for index, line in enumerate(lines):
        _check_line(index, line, shop_id, user, for_sale)
        customer_of_line = line.customer or customer
        if for_sale and customer_of_line is not None and not customer_of_line.active:
            raise BookingError(_("Customer %(name)s is inactive.") % {"name": customer_of_line}, "customer", index)
        priced.append(_price_line(index, line, customer, staff, shop_id))
    return priced
