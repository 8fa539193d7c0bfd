"""The form and the API check a customer alike (validators.py): where they differed, they now agree."""

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
