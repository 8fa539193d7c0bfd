import pytest

from regulars.customers.models import CustomerGroup
from regulars.customers.services import CustomerData, create_customer


@pytest.fixture
def make_customer(cashier):
    """Create a customer through the service, as the till does."""

    def make(first_name="Anna", last_name="Müller", phones=(), emails=(), groups=None, **fields):
        data = CustomerData(
            fields={"first_name": first_name, "last_name": last_name, **fields},
            phones=list(phones),
            emails=list(emails),
            groups=list(groups if groups is not None else CustomerGroup.objects.filter(key="standard")),
        )
        return create_customer(data=data, user=cashier)

    return make
