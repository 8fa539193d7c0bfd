"""The form and the API check a customer alike (validators.py): where they differed, they now agree."""

import pytest

from regulars.customers.models import Customer
from regulars.customers.tests.fixtures import FORM, create


def test_a_new_country_needs_a_postcode_of_that_country_in_the_form_and_in_the_api(api, cashier_client):
    # given: a customer in Germany, postcode 50672
    customer_id = create(api).json()["id"]
    url = f"/api/v1/customers/{customer_id}/"
    version = Customer.objects.get(pk=customer_id).version

    # when: only the country is changed to the Netherlands
    by_api = api.patch(url, {"country": "NL"}, format="json", HTTP_IF_MATCH=api.get(url)["ETag"])
    by_form = cashier_client.post(
        f"/customers/{customer_id}/edit/", {**FORM, "postcode": "50672", "country": "NL", "version": version}
    )

    # then: both refuse it at the postcode, with the same message, and nothing changes
    assert by_api.status_code == 400 and by_form.status_code == 400
    assert by_api.json()["postcode"] == list(by_form.context["form"].errors["postcode"])
    assert str(Customer.objects.get(pk=customer_id).country) == "DE"


def test_a_new_country_that_fits_the_postcode_keeps_it(api):
    customer_id = create(api, country="AT", postcode="1010", phones=[]).json()["id"]
    url = f"/api/v1/customers/{customer_id}/"
    response = api.patch(url, {"country": "CH"}, format="json", HTTP_IF_MATCH=api.get(url)["ETag"])
    assert response.status_code == 200, response.json()
    assert (response.json()["country"], response.json()["postcode"]) == ("CH", "1010")


@pytest.mark.parametrize("number", ['a".html', "10001\nX-Injected: 1", "../../etc/passwd", "-10001", "Nr 1"])
def test_a_customer_number_holds_safe_characters_only(cashier_client, api, number):
    """Seen: a number with quotes or a newline renamed a PDF download to a.html or gave a 500."""
    page = cashier_client.post("/customers/new/", {**FORM, "number": number})
    assert page.status_code == 400 and "letters, digits and . _ / - only" in page.content.decode()
    response = create(api, number=number)
    assert response.status_code == 400 and "number" in response.json()
    assert not Customer.objects.filter(number=number).exists()


def test_a_download_of_an_old_odd_number_stays_a_pdf(cashier_client, make_customer):
    customer = make_customer(number='a".html\r\nX-Injected: 1')  # written before numbers were checked
    response = cashier_client.get(f"/sales/customers/{customer.pk}/receipts.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and disposition.endswith('.pdf"')
    assert '"' not in disposition.split('filename="')[1][:-1] and "\n" not in disposition
