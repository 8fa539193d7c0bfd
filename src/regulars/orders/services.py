"""Taking and changing orders."""

from django.db import transaction

from regulars.core.services import next_number

from .models import Order


def save_order(*, order: Order, lines: list[dict]) -> Order:
    """Store an order with its lines; a new order gets the next order number."""
    with transaction.atomic():
        if not order.number:
            order.number = f"A{next_number(series='order', start=1001)}"
        order.save()
        order.lines.all().delete()
        order.lines.bulk_create(order.lines.model(order=order, **line) for line in lines)
    return order
