"""Orders in the protocol: their fields and lines, written by save_order (the lines are saved after the order)."""

from django.utils.translation import gettext_lazy as _

from regulars.audit.registry import register
from regulars.core.money import format_amount
from regulars.core.roles import Role

from .models import Order

KIND = "order"


def lines_value(order: Order) -> list[dict] | None:
    """The order's lines as the protocol keeps them."""
    if order.pk is None:
        return None
    rows = order.lines.order_by("id").values("description", "quantity", "price")
    return [dict(row) for row in rows] or None


def _lines(value: list[dict]) -> str:
    return "; ".join(f"{row['quantity']} × {row['description']} ({format_amount(row['price'])})" for row in value)


def register_orders() -> None:
    register(
        Order, key=KIND, parts={"lines": lines_value}, labels={"lines": _("lines")},
        formatters={"lines": _lines}, personal=True, automatic=False, url_name="orders:edit",
        required_role=Role.CASHIER,
    )  # fmt: skip
