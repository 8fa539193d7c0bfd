"""Fixtures and helpers for customer tests: a customer made as the till makes it, the form's and the API's data."""

import pytest

from regulars.customers.models import CustomerGroup
from regulars.customers.services import CustomerData, create_customer

#: a complete customer form as the browser posts it
FORM = {
    "first_name": "Käthe",
    "last_name": "Mueller",
    "street": "Hauptstraße 1",
    "postcode": "50667",
    "city": "Köln",
    "country": "DE",
    "active": "on",
    "salutation": "ms",
    "popup_mode": "off",
    "vat_treatment": "none",
    "phones-TOTAL_FORMS": "1",
    "phones-INITIAL_FORMS": "0",
    "phones-0-number": "0171 1234567",
    "phones-0-kind": "mobile",
    "emails-TOTAL_FORMS": "1",
    "emails-INITIAL_FORMS": "0",
    "emails-0-address": "kaethe@example.de",
    "emails-0-kind": "private",
    **{f"consent_{kind}_source": "till" for kind in ("terms", "privacy", "email", "sms", "phone", "post")},
}

#: a complete customer as a webshop posts it to the API
NEW = {
    "first_name": "Jürgen",
    "last_name": "Müller",
    "company": "Bäckerei Müller GmbH",
    "street": "Ehrenstraße 12",
    "postcode": "50672",
    "city": "Köln",
    "country": "DE",
    "birthday": "1980-02-29",
    "emails": [{"address": "juergen@example.de", "kind": "work"}],
    "phones": [{"number": "0221 1234567", "kind": "work"}, {"number": "+31 6 12345678"}],
    "active": True,
    "groups": ["webshop"],
}


def create(api, **changes):
    return api.post("/api/v1/customers/", {**NEW, **changes}, format="json")


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
