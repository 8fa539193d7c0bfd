"""The "Communication" panel on the customer page (every message sent to the customer, M1), and the "E-mail" button
beside a receipt wherever receipts are shown (R6)."""

from django.utils.translation import gettext_lazy as _

from regulars.core.panels import Panel

from .models import CommunicationEntry


def communication_context(request, customer) -> dict:
    entries = CommunicationEntry.objects.filter(customer=customer).select_related("receipt__till", "user")[:50]
    return {"customer": customer, "entries": entries}


PANEL = Panel(
    key="communication",
    title=_("Communication"),
    template="communication/_customer_communication.html",
    context=communication_context,
    order=60,
)


def receipt_context(request, receipt) -> dict:
    return {"receipt": receipt}


def has_customer(request, receipt) -> bool:
    """Only a receipt with a customer, that is an invoice (not an aborted one), can be e-mailed."""
    return receipt.customer_id is not None and receipt.kind != "aborted"


EMAIL_ACTION = Panel(
    key="email", title=_("E-mail"), template="communication/_receipt_email_action.html", context=receipt_context,
    applies=has_customer,
)  # fmt: skip
