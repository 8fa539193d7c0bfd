"""The customer pages: list with search, the one form for create and edit, conflicts (L1-L4, L6, C1)."""

from regulars.audit.services import history_of
from regulars.customers.models import Customer, CustomerGroup
from regulars.customers.tests.fixtures import FORM


def test_l1_list_shows_customers_and_htmx_gets_only_results(cashier_client, make_customer):
    make_customer(last_name="Müller")
    make_customer(first_name="Eva", last_name="Schmidt")
    page = cashier_client.get("/customers/")
    assert page.status_code == 200 and "Schmidt" in page.text and "<form" in page.text
    partial = cashier_client.get("/customers/?q=mueller", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")
    assert "Müller" in partial.text and "Schmidt" not in partial.text
    assert "<html" not in partial.text


def test_c1_create_with_the_form_assigns_a_number_and_opens_the_customer(cashier_client):
    response = cashier_client.post(
        "/customers/new/", {**FORM, "consent_privacy": "on", "groups": [CustomerGroup.objects.get(key="standard").pk]}
    )
    customer = Customer.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/customers/{customer.pk}/"
    assert customer.number and [p.number for p in customer.phones.all()] == ["+491711234567"]
    consent = customer.consents.get()
    assert (consent.kind, consent.source) == ("privacy", "till")
    page = cashier_client.get(response["Location"])
    assert "Mueller, Käthe" in page.text and "0171 1234567" in page.text


def test_bad_input_in_the_form_is_shown_at_the_fields_and_nothing_is_saved(cashier_client):
    data = {**FORM, "postcode": "5067", "phones-0-number": "12", "vat_id": "DE1", "birthday": "2999-01-01"}
    response = cashier_client.post("/customers/new/", data)
    assert response.status_code == 400
    form, phones = response.context["form"], response.context["phones"]
    assert set(form.errors) >= {"postcode", "vat_id", "birthday"}
    assert phones.forms[0].errors["number"]
    assert Customer.objects.count() == 0


def test_c1_the_edit_form_is_the_create_form_filled_in(cashier_client, make_customer):
    customer = make_customer(city="Köln", phones=[("+491711234567", "mobile")])
    page = cashier_client.get(f"/customers/{customer.pk}/edit/")
    assert page.context["form"].instance == customer
    assert 'value="0171 1234567"' in page.text
    data = {**FORM, "version": customer.version, "city": "Bonn", "phones-INITIAL_FORMS": "1"}
    assert cashier_client.post(f"/customers/{customer.pk}/edit/", data).status_code == 302
    customer.refresh_from_db()
    assert customer.city == "Bonn" and customer.version == 2
    assert history_of(customer).filter(field="city", action="changed").exists()


def test_a_stale_form_is_refused_and_shows_what_changed_meanwhile(cashier_client, make_customer, manager):
    from regulars.customers.services import CustomerData, update_customer

    customer = make_customer(city="Köln")
    update_customer(
        customer_id=customer.pk, data=CustomerData(fields={"city": "Bonn"}), expected_version=1, user=manager
    )
    response = cashier_client.post(f"/customers/{customer.pk}/edit/", {**FORM, "version": 1, "city": "Aachen"})
    assert response.status_code == 409
    assert [(c.field, c.new) for c in response.context["conflicts"]] == [("city", "Bonn")]
    assert Customer.objects.get(pk=customer.pk).city == "Bonn"
    # the form now carries the current version: saving again is a deliberate overwrite
    assert response.context["form"]["version"].value() == 2


def test_l4_chosen_columns_are_kept_per_user(cashier_client, make_customer, cashier):
    make_customer()
    cashier_client.post("/preferences/columns/customers/", {"columns": ["city", "number"], "next": "/customers/"})
    page = cashier_client.get("/customers/")
    assert [column.name for column in page.context["table"].columns] == ["name", "city", "number"]
    assert page.text.lower().index(">city<") < page.text.lower().index(">customer number<")
    cashier.refresh_from_db()
    assert cashier.table_columns["customers"] == ["city", "number"]


def test_l4_unknown_columns_are_ignored(cashier_client, cashier):
    cashier_client.post("/preferences/columns/customers/", {"columns": ["city", "password", "../x"]})
    cashier.refresh_from_db()
    assert cashier.table_columns["customers"] == ["city"]


def test_t3_referred_by_picker_finds_customers(cashier_client, make_customer):
    make_customer(first_name="Jan", last_name="de Vries")
    response = cashier_client.get("/customers/pick/", {"pick_q": "vries"})
    assert "de Vries" in response.text and "data-pick-id" in response.text


def test_an_edit_without_version_is_refused(cashier_client, make_customer):
    customer = make_customer(city="Köln")
    response = cashier_client.post(f"/customers/{customer.pk}/edit/", {**FORM, "city": "Bonn"})
    assert response.status_code == 400
    assert "version" in response.context["form"].errors
    assert Customer.objects.get(pk=customer.pk).city == "Köln"


def test_inactive_groups_and_staff_stay_when_other_fields_change(cashier_client, make_customer, shop_de):
    from regulars.core.models import StaffMember

    vip = CustomerGroup.objects.create(key="vip", name="VIP")
    jana = StaffMember.objects.create(name="Jana", shop=shop_de)
    customer = make_customer(groups=[vip], regular_staff=jana)
    CustomerGroup.objects.filter(pk=vip.pk).update(active=False)
    StaffMember.objects.filter(pk=jana.pk).update(active=False)
    form = cashier_client.get(f"/customers/{customer.pk}/edit/").context["form"]
    data = {**FORM, "version": customer.version, "groups": [vip.pk], "regular_staff": jana.pk, "city": "Bonn"}
    assert cashier_client.post(f"/customers/{customer.pk}/edit/", data).status_code == 302
    customer.refresh_from_db()
    assert list(customer.groups.all()) == [vip] and customer.regular_staff == jana
    assert vip in form.fields["groups"].queryset
