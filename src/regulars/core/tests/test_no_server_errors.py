"""No input gives a server error (seen: a new article with the EAN left empty, quantities and amounts with 4,300
digits or 10^30, staff ids "abc" or beyond 2^63 at the till, groups=2^64 on the customer form all gave a 500, and a
quantity of 10^9 reached the fiscal chain).

A property-based test: random values, among them the ones that broke things, are posted to every form and every till
action and sent to every search, and the answer is never a 500.
"""

import re

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regulars.sales.models import Receipt

#: values that broke forms before, beside random text and numbers
NASTY = [
    "", " ", "0", "-1", "abc", "1e30", "9" * 4300, str(2**63), str(2**64), "-" + str(2**63 + 1), "٣", "12,5x",
    "1.234.567,89", "\x00", "<script>alert(1)</script>", "'; DROP TABLE x; --", "null", "[]", "{}", "𝕏" * 50,
]  # fmt: skip
VALUES = st.one_of(
    st.sampled_from(NASTY),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(max_size=40),
)

FORM_PAGES = [
    "/customers/new/", "/customers/{customer}/edit/", "/customers/groups/new/", "/catalog/articles/new/",
    "/catalog/services/new/", "/catalog/discounts/new/", "/catalog/brands/new/", "/catalog/categories/new/",
    "/catalog/copy/", "/staff/new/", "/users/new/", "/shops/new/", "/sales/tills/new/",
    "/communication/mail-accounts/new/", "/orders/new/{customer}/", "/me/", "/me/password/", "/users/{user}/password/",
]  # fmt: skip
TILL_ACTIONS = [
    "customer", "add", "line/0/quantity", "line/0/customer", "line/0/price", "remove/0", "settings", "pay", "link",
    "park",
]  # fmt: skip
SEARCHES = [
    ("/customers/", "q"), ("/customers/pick/", "q"), ("/sales/till/customers/", "customer_q"),
    ("/sales/till/articles/", "code"), ("/catalog/articles/", "q"), ("/customers/", "group"),
    ("/customers/", "regular_staff"), ("/customers/", "birthday_month"), ("/customers/", "page"),
    ("/customers/", "cursor"), ("/customers/", "ordering"),
]  # fmt: skip
NAME = re.compile(r'name="([a-z_0-9-]+)"')
EXAMPLES = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@pytest.fixture
def admin(admin_user, shop_de, till, jana, make_customer, shampoo, haircut):
    """An administrator at the German till with a customer, an article and a service in the cart."""
    from regulars.core.models import StaffMember

    StaffMember.objects.filter(pk=jana.pk).update(user=admin_user)
    client = Client()
    client.force_login(admin_user)
    customer = make_customer()
    client.post("/sales/till/add/", {"code": shampoo.ean})
    client.post("/sales/till/add/", {"service": haircut.pk})
    return client, customer


def fields_of(client, url: str) -> list[str]:
    page = client.get(url)
    assert page.status_code == 200, url
    return sorted(set(NAME.findall(page.content.decode())) - {"csrfmiddlewaretoken"})


@pytest.mark.parametrize("page", FORM_PAGES)
def test_x5_random_input_to_every_form_is_answered_without_a_server_error(admin, admin_user, page):
    client, customer = admin
    url = page.format(customer=customer.pk, user=admin_user.pk)
    names = fields_of(client, url)
    assert names, url

    @EXAMPLES
    @given(st.fixed_dictionaries({name: VALUES for name in names}))
    def post(data):
        response = client.post(url, data)
        assert response.status_code < 500, (url, data)

    post()


@pytest.mark.parametrize("action", TILL_ACTIONS)
def test_x5_random_input_to_every_till_action_is_answered_without_a_server_error(admin, action):
    client, _customer = admin
    names = [
        "customer", "customer_q", "number", "code", "quantity", "article", "service", "service_staff", "step",
        "unit_price", "discount", "reason", "till", "staff", "responsible", "cash", "card", "mode", "receipt",
    ]  # fmt: skip

    @EXAMPLES
    @given(st.fixed_dictionaries({}, optional={name: VALUES for name in names}))
    def post(data):
        response = client.post(f"/sales/till/{action}/", data, HTTP_HX_REQUEST="true")
        assert response.status_code < 500, (action, data)

    post()
    # a NUL character in every field at once, which PostgreSQL refuses in any text
    for text in ("\x00", "10001\x00", "Wella\x00Shampoo"):
        response = client.post(f"/sales/till/{action}/", dict.fromkeys(names, text), HTTP_HX_REQUEST="true")
        assert response.status_code < 500, (action, text)
    # nothing beyond the ranges reached the fiscal chain
    assert all(abs(line.quantity) <= 9999 for receipt in Receipt.objects.all() for line in receipt.lines.all())


@pytest.mark.parametrize(("path", "parameter"), SEARCHES)
def test_x5_random_searches_are_answered_without_a_server_error(admin, path, parameter):
    client, _customer = admin

    @EXAMPLES
    @given(VALUES)
    def search(value):
        response = client.get(path, {parameter: value}, HTTP_HX_REQUEST="true")
        assert response.status_code < 500, (path, value)

    search()
