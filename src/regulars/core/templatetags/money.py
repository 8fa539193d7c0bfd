from django import template
from django.utils.formats import number_format

from regulars.core.money import format_amount, to_decimal

register = template.Library()


@register.filter
def money(cents):
    """Cents as the user's language writes money."""
    return "—" if cents in (None, "") else format_amount(int(cents))


@register.filter
def money_input(cents):
    """Cents as an amount to type again, in the user's notation ("12,50"), without the currency."""
    return "" if cents in (None, "") else number_format(to_decimal(int(cents)), 2)
