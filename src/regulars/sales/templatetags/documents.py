from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django_countries import countries

register = template.Library()


@register.filter
def vat_rate(rate):
    """A rate in hundredths of a percent as the language writes it: 1900 → "19 %", 550 → "5,5 %"."""
    value = Decimal(int(rate)) / 100
    places = 0 if value == value.to_integral() else 1
    return f"{number_format(value, places, use_l10n=True)}\u00a0%"


@register.filter
def country_name(code):
    """The country's name in the reader's language, from a code ("NL") or a country of a CountryField."""
    return countries.name(str(code)) or str(code)
