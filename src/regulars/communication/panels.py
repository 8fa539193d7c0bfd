"""The "Communication" panel on the customer page: every message sent to the customer (M1)."""

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
