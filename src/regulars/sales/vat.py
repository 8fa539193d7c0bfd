"""The VAT of a receipt, per rate, as every document and the API show it (§14 (4) Nr. 8 UStG, art. 35a Wet OB).

Computed once from each rate's total, not summed from the rounded VAT of the lines: the printed receipt, the A4
invoice, the receipt list and the API call this one function and so always agree to the cent.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from .pricing import contained_vat


@dataclass(frozen=True)
class VatSum:
    """Net, VAT and gross of the lines at one rate (hundredths of a percent: 1900 = 19 %)."""

    rate: int
    net: int
    vat: int
    gross: int


def vat_sums(lines: Iterable) -> list[VatSum]:
    """The lines' totals per VAT rate with the VAT each contains, highest rate first."""
    gross: dict[int, int] = {}
    for line in lines:
        gross[line.vat_rate] = gross.get(line.vat_rate, 0) + line.total
    sums = []
    for rate in sorted(gross, reverse=True):
        vat = contained_vat(gross[rate], rate)
        sums.append(VatSum(rate=rate, net=gross[rate] - vat, vat=vat, gross=gross[rate]))
    return sums


def net_unit_price(line) -> int:
    """A line's unit price without VAT, as Dutch invoices show it (art. 35a (1) g Wet OB)."""
    return line.unit_price - contained_vat(line.unit_price, line.vat_rate)
