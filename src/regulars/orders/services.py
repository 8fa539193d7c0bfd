"""Taking and changing orders."""

from django.db import transaction

from regulars.audit.models import Action
from regulars.audit.registry import kind
from regulars.audit.services import record_changes
from regulars.audit.values import snapshot
from regulars.core.services import next_number

from .models import Order
from .protocol import KIND


def save_order(*, order: Order, lines: list[dict], user=None) -> Order:
    """Store an order with its lines; a new order gets the next order number. Protocolled with its lines (P1)."""
    logged = kind(KIND)
    with transaction.atomic():
        created = order.pk is None
        before = {} if created else snapshot(logged, Order.objects.get(pk=order.pk))
        if not order.number:
            order.number = f"A{next_number(series='order', start=1001)}"
        order.save()
        order.lines.all().delete()
        order.lines.bulk_create(order.lines.model(order=order, **line) for line in lines)
        record_changes(
            kind_key=KIND, record_id=order.pk, before=before, after=snapshot(logged, order), user=user,
            action=Action.CREATED if created else Action.CHANGED,
        )  # fmt: skip
    return order
