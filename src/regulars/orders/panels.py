"""The orders panel on the customer page (O1)."""

from django.utils.translation import gettext_lazy as _

from regulars.core.panels import Panel

from .models import Order


def orders_context(request, customer) -> dict:
    return {"customer": customer, "orders": Order.objects.filter(customer=customer).prefetch_related("lines")[:50]}


PANEL = Panel(
    key="orders", title=_("Orders"), template="orders/_customer_orders.html", context=orders_context, order=20
)
