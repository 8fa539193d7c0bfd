"""What a customer pays is a manager's decision (X5): VAT treatment and discounts, on the page and the API (seen: a
cashier set a customer VAT-exempt or net-invoice without a VAT ID and assigned any discount)."""

import pytest

from regulars.catalog.models import Discount
from regulars.customers.models import Customer
from regulars.customers.tests.fixtures import FORM


@pytest.fixture
def discount(shop_de):
    return Discount.objects.create(shop=shop_de, name="Stammkunde", applies_to="services", kind="percent", percent=1000)


@pytest.fixture
def dutch_discount(shop_nl):
    return Discount.objects.create(shop=shop_nl, name="Vaste klant", applies_to="services", kind="percent", percent=500)


def test_x5_a_cashier_cannot_change_what_a_customer_pays_on_the_page(cashier_client, make_customer, discount):
    customer = make_customer(**{k: v for k, v in FORM.items() if k in ("first_name", "last_name", "city")})
    data = {**FORM, "version": customer.version, "vat_treatment": "exempt", "service_discount": discount.pk}
    response = cashier_client.post(f"/customers/{customer.pk}/edit/", data)
    assert response.status_code == 302  # the rest of the form is saved
    customer.refresh_from_db()
    assert (customer.vat_treatment, customer.service_discount) == ("none", None)
    page = cashier_client.get(f"/customers/{customer.pk}/edit/").content.decode()
    assert "Only a manager changes this." in page


def test_x5_a_manager_sets_the_discount_and_the_vat_treatment(manager_client, make_customer, discount):
    customer = make_customer()
    data = {**FORM, "version": customer.version, "vat_treatment": "exempt", "service_discount": discount.pk}
    assert manager_client.post(f"/customers/{customer.pk}/edit/", data).status_code == 302
    customer.refresh_from_db()
    assert (customer.vat_treatment, customer.service_discount) == ("exempt", discount)


def test_a_net_invoice_needs_the_customers_vat_id(manager_client, manager_api, make_customer):
    customer = make_customer()
    response = manager_client.post(
        f"/customers/{customer.pk}/edit/", {**FORM, "version": customer.version, "vat_treatment": "net"}
    )
    assert response.status_code == 400 and "needs the customer&#x27;s VAT ID" in response.content.decode()
    etag = manager_api.get(f"/api/v1/customers/{customer.pk}/")["ETag"]
    refused = manager_api.patch(
        f"/api/v1/customers/{customer.pk}/", {"vat_treatment": "net"}, format="json", HTTP_IF_MATCH=etag
    )
    assert refused.status_code == 400 and "vat_treatment" in refused.json()
    accepted = manager_api.patch(
        f"/api/v1/customers/{customer.pk}/", {"vat_treatment": "net", "vat_id": "NL004495445B01"}, format="json",
        HTTP_IF_MATCH=etag,
    )  # fmt: skip
    assert accepted.status_code == 200


@pytest.mark.parametrize(("field", "value"), [("vat_treatment", "exempt"), ("service_discount", "discount")])
def test_x5_a_cashier_cannot_change_what_a_customer_pays_through_the_api(api, make_customer, discount, field, value):
    customer = make_customer()
    etag = api.get(f"/api/v1/customers/{customer.pk}/")["ETag"]
    body = {field: discount.pk if value == "discount" else value}
    response = api.patch(f"/api/v1/customers/{customer.pk}/", body, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 400 and response.json()[field] == ["Only a manager changes this."]
    created = api.post("/api/v1/customers/", {"last_name": "Neu", **body}, format="json")
    assert created.status_code == 400 and not Customer.objects.filter(last_name="Neu").exists()


def test_a_discount_of_another_shop_is_not_offered(manager_client, manager_api, make_customer, dutch_discount):
    customer = make_customer()
    page = manager_client.get(f"/customers/{customer.pk}/edit/").content.decode()
    assert "Vaste klant" not in page
    etag = manager_api.get(f"/api/v1/customers/{customer.pk}/")["ETag"]
    response = manager_api.patch(
        f"/api/v1/customers/{customer.pk}/", {"service_discount": dutch_discount.pk}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 400 and "service_discount" in response.json()
