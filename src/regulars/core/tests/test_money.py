"""Money: cents, one rounding rule, amounts as people type them."""

import pytest
from django.utils import translation

from regulars.core.money import MoneyError, format_amount, parse_amount, percent_of, round_cents


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("12,50", 1250),
        ("12.50", 1250),
        ("1.234,50", 123450),
        ("1,234.50", 123450),
        ("7", 700),
        ("0,05", 5),
        ("-3,10", -310),
    ],
)
def test_amounts_as_typed(typed, cents):
    assert parse_amount(typed) == cents


@pytest.mark.parametrize("typed", ["", "abc", "1,234", "12.345", "1e3", "NaN", "99999999999"])
def test_no_amount(typed):
    with pytest.raises(MoneyError):
        parse_amount(typed)


def test_commercial_rounding_and_percentages():
    assert percent_of(1000, 1900) == 190
    assert percent_of(105, 1000) == 11  # 10.5 cents -> 11
    assert percent_of(-105, 1000) == -11
    from decimal import Decimal

    assert round_cents(Decimal("2.5")) == 3


def test_money_reads_as_in_each_language():
    with translation.override("de"):
        assert format_amount(123450) == "1.234,50\u00a0€"
    with translation.override("nl"):
        assert format_amount(123450) == "€\u00a01.234,50"
    with translation.override("en"):
        assert format_amount(123450) == "€1,234.50"
