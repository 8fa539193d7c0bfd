from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def vat_rate(rate):
    """A rate in hundredths of a percent as the language writes it: 1900 → "19 %", 550 → "5,5 %"."""
    value = Decimal(int(rate)) / 100
    places = 0 if value == value.to_integral() else 1
    return f"{number_format(value, places, use_l10n=True)}\u00a0%"
