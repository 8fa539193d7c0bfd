"""VAT rates by the shop's country: an article or service can only have a rate of its shop's country.

Rates in hundredths of a percent (1900 = 19 %). Germany: 19 % standard, 7 % reduced (§12 UStG); the
Netherlands: 21 % standard, 9 % reduced (art. 9 Wet OB, e.g. hairdressers, Tabel I b.19); 0 % for both.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

#: the countries whose VAT rules Regulars knows; a shop lies in one of them
COUNTRIES = ("DE", "NL")


class VatRate(models.IntegerChoices):
    """VAT rates of Germany and the Netherlands, in hundredths of a percent."""

    DE_STANDARD = 1900, _("19 % (Germany, standard)")
    DE_REDUCED = 700, _("7 % (Germany, reduced)")
    NL_STANDARD = 2100, _("21 % (Netherlands, standard)")
    NL_REDUCED = 900, _("9 % (Netherlands, reduced)")
    ZERO = 0, _("0 %")


RATES = {
    "DE": (VatRate.DE_STANDARD, VatRate.DE_REDUCED, VatRate.ZERO),
    "NL": (VatRate.NL_STANDARD, VatRate.NL_REDUCED, VatRate.ZERO),
}


def rates_for(country: str) -> tuple[VatRate, ...]:
    """The rates a shop in `country` sells at; standard first."""
    return RATES.get(str(country), ())


def standard_rate(country: str) -> VatRate:
    return rates_for(country)[0]


def reduced_rate(country: str) -> VatRate:
    return rates_for(country)[1]


def same_kind_in(rate: int, country: str) -> VatRate:
    """The rate of the same kind (standard, reduced, zero) in another country, for copying a catalogue."""
    for rates in RATES.values():
        if rate in rates:
            return rates_for(country)[rates.index(rate)]
    return standard_rate(country)
