"""Prices of receipt lines: the customer's discounts (C7), the VAT contained in gross prices, net prices (C10)."""

from decimal import Decimal

from regulars.catalog.models import Discount, DiscountKind
from regulars.core.money import percent_of, round_cents


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
