from django import template

from regulars.core.money import format_amount

register = template.Library()


@register.filter
def money(cents):
    """Cents as the user's language writes money."""
    return "—" if cents in (None, "") else format_amount(int(cents))
