"""Money is an integer number of cents; this module is the one place that parses, rounds and formats it."""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format

CENT = Decimal("0.01")
_AMOUNT = re.compile(r"^-?\d+(\.\d{1,2})?$")


class MoneyError(ValueError):
    """The text is no amount of money."""


def round_cents(value: Decimal) -> int:
    """Commercial rounding (half up, away from zero) of an amount in cents to whole cents."""
    sign = -1 if value < 0 else 1
    return sign * int(abs(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_amount(text: str) -> int:
    """ "12,50", "12.50", "1.234,50" or "1,234.50" in cents; MoneyError when it is no amount."""
    value = str(text).strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if "," in value and "." in value:
        decimal_mark = "," if value.rfind(",") > value.rfind(".") else "."
        value = value.replace("." if decimal_mark == "," else ",", "").replace(",", ".")
    else:
        value = value.replace(",", ".")
    if not _AMOUNT.match(value):
        raise MoneyError(text)
    amount = Decimal(value)
    if abs(amount) >= Decimal("100000000"):
        raise MoneyError(text)
    return int(amount * 100)


def to_decimal(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def format_amount(cents: int, currency: str = "€") -> str:
    """Cents as the user's language writes money: "1.234,50 €" (de), "€ 1.234,50" (nl), "€1,234.50" (en)."""
    from django.utils.translation import get_language

    number = number_format(to_decimal(cents), 2, use_l10n=True, force_grouping=True)
    language = (get_language() or "de")[:2]
    if language == "de":
        return f"{number}\u00a0{currency}"
    if language == "nl":
        return f"{currency}\u00a0{number}"
    return f"{currency}{number}"


def percent_of(cents: int, basis_points: int) -> int:
    """`basis_points` hundredths of a percent of an amount, rounded commercially (1900 = 19 %)."""
    return round_cents(Decimal(cents) * basis_points / 10000)
