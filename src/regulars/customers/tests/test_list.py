"""The customer list beyond its first thousand: every page can be reached, in the page and through the API (L1).

Seen: the list stopped at page 41 ("more than 1,000"), so customers after "M" could not be browsed.
"""

import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from regulars.customers.models import Customer, SearchKey

NEXT = re.compile(r'<a [^>]*href="([^"]*)"[^>]*>\s*next')

#: more customers than the count goes to (1,000)
MANY = 1030


@pytest.fixture
def many_customers(db):
    """1,030 customers written in bulk, "Kunde 0000" to "Kunde 1029", so that the list's order is known."""
    Customer.objects.bulk_create(
        Customer(number=str(50000 + i), last_name=f"Kunde {i:04d}", sort_name=f"kunde {i:04d}") for i in range(MANY)
    )
    SearchKey.objects.bulk_create(SearchKey(customer=c, key=c.sort_name) for c in Customer.objects.all())


def cursor_in(url: str) -> str:
    [cursor] = parse_qs(urlsplit(url).query)["cursor"]
    return cursor


def names_on(html: str) -> list[str]:
    return re.findall(r"Kunde \d{4}", html)


@pytest.mark.parametrize("url", ["/customers/", "/customers/?q=kunde"])
def test_l1_every_page_of_the_list_is_reached_by_following_next(cashier_client, many_customers, url):
    # given the list or a search, which count to 1,000 only
    seen, pages = [], 0
    first = cashier_client.get(url).text
    assert "More than 1,000 found" in first
    # when the cashier follows "next" to the end
    while url:
        page = cashier_client.get(url).text
        seen += names_on(page)
        pages += 1
        link = NEXT.search(page)
        url = urljoin("/customers/", link.group(1).replace("&amp;", "&")) if link else None
    # then every customer was shown once, in order, the last one on page 42
    assert pages == 42
    assert seen == [f"Kunde {i:04d}" for i in range(MANY)]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/customers/", "/api/v1/customers/?q=kunde", "/api/v1/customers/?city=&q=kunde",
        "/api/v1/customers/?ordering=city",  # all in the same city: the pages go on among equals
    ],
)  # fmt: skip
def test_l1_the_api_reaches_the_last_customer_by_following_next(api, many_customers, url):
    seen = []
    while url:
        body = api.get(url).json()
        assert body["count"] == 1000 and body["count_is_exact"] is False
        seen += [customer["last_name"] for customer in body["results"]]
        url = body["next"]
    assert seen == [f"Kunde {i:04d}" for i in range(MANY)]


@pytest.mark.parametrize("ordering", ["", "&ordering=-city"])
def test_l1_previous_goes_back_page_by_page(api, many_customers, ordering):
    # given the pages of 200 customers, followed to the last
    url, pages = f"/api/v1/customers/?page_size=200{ordering}", []
    while url:
        body = api.get(url).json()
        pages.append([customer["last_name"] for customer in body["results"]])
        url = body["next"]
    assert [len(page) for page in pages] == [200, 200, 200, 200, 200, 30]
    # when going back from there to the first
    back = []
    while body["previous"]:
        body = api.get(body["previous"]).json()
        back.append([customer["last_name"] for customer in body["results"]])
    # then the same pages come again
    assert back == pages[-2::-1]


def test_a_cursor_changed_by_hand_is_refused_by_the_api_and_opens_the_first_page_of_the_list(
    api, cashier_client, many_customers
):
    cursor = cursor_in(api.get("/api/v1/customers/").json()["next"])
    of_a_search = cursor_in(api.get("/api/v1/customers/", {"q": "kunde"}).json()["next"])
    for foreign in (cursor[:-3], "abc", "\x00", "W10", "WzIsIiIsMCwwLFtdXQ", of_a_search):
        response = api.get("/api/v1/customers/", {"cursor": foreign})
        assert response.status_code == 400 and "cursor" in response.json(), foreign
        page = cashier_client.get("/customers/", {"cursor": foreign})
        assert page.status_code == 200 and "Kunde 0000" in page.text, foreign


# Sorting (seen: the headers could not be clicked to sort)

HEADER = r'<th[^>]*>\s*<a [^>]*href="([^"]*)"[^>]*>\s*{}\s*<'


def header_link(html: str, label: str) -> str:
    found = re.search(HEADER.format(re.escape(label)), html)
    assert found, f"the header {label!r} is no link"
    return urljoin("/customers/", found.group(1).replace("&amp;", "&"))


@pytest.fixture
def three_cities(make_customer):
    return [
        make_customer(first_name="Anna", last_name="Weber", city="Köln", postcode="50667"),
        make_customer(first_name="Bernd", last_name="Adler", city="Aachen", postcode="52062"),
        make_customer(first_name="Carla", last_name="Zimmer", city="Bonn", postcode="53111"),
    ]


def rows_of(html: str, names=("Weber", "Adler", "Zimmer")) -> list[str]:
    return sorted(names, key=html.index)


def test_clicking_a_column_header_sorts_by_it_and_clicking_again_reverses(cashier_client, three_cities):
    # given the list, sorted by name
    page = cashier_client.get("/customers/").text
    assert rows_of(page) == ["Adler", "Weber", "Zimmer"]
    # when the cashier clicks "City"
    by_city = cashier_client.get(header_link(page, "City")).text
    # then the customers come by city, and "City" says so
    assert rows_of(by_city) == ["Adler", "Zimmer", "Weber"]  # Aachen, Bonn, Köln
    assert re.search(r'<th[^>]*aria-sort="ascending"[^>]*>\s*<a [^>]*>\s*City', by_city)
    # when clicking it again, the other way round
    reversed_ = cashier_client.get(header_link(by_city, "City")).text
    assert rows_of(reversed_) == ["Weber", "Zimmer", "Adler"]
    assert re.search(r'<th[^>]*aria-sort="descending"[^>]*>\s*<a [^>]*>\s*City', reversed_)


@pytest.mark.parametrize(
    ("label", "order"),
    # the list comes by name already: a click on "Name" turns it round
    [("Customer number", [1, 2, 0]), ("Postcode", [0, 1, 2]), ("Created", [0, 1, 2]), ("Name", [2, 0, 1])],
)
def test_every_sortable_column_sorts(cashier_client, cashier, three_cities, label, order):
    from regulars.customers.models import Customer

    Customer.objects.filter(pk=three_cities[0].pk).update(number="99999")  # the first customer's number comes last
    cashier.table_columns = {"customers": ["number", "postcode", "city", "created_at"]}
    cashier.save()
    page = cashier_client.get(header_link(cashier_client.get("/customers/").text, label)).text
    assert rows_of(page) == [three_cities[i].last_name for i in order]


def test_the_sort_order_is_kept_while_paging_and_searching(cashier_client, many_customers):
    # given the list sorted by customer number, the highest first
    page = cashier_client.get("/customers/").text
    url = header_link(cashier_client.get(header_link(page, "Customer number")).text, "Customer number")
    # when following "next" to the end, and searching
    seen = []
    while url:
        page = cashier_client.get(url).text
        seen += names_on(page)
        link = NEXT.search(page)
        url = urljoin("/customers/", link.group(1).replace("&amp;", "&")) if link else None
    # then every customer came, by number downwards
    assert seen == [f"Kunde {i:04d}" for i in reversed(range(MANY))]
    # and the search form sends the sort order with what is typed
    assert re.search(r'<input type="hidden" name="ordering" value="-number" form="list-filters">', page)
    assert 'id="list-filters"' in page


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [("city", ["Adler", "Zimmer", "Weber"]), ("-city", ["Weber", "Zimmer", "Adler"]),
     ("postcode", ["Weber", "Adler", "Zimmer"]), ("-number", ["Zimmer", "Adler", "Weber"]),
     ("name", ["Adler", "Weber", "Zimmer"]), ("-created", ["Zimmer", "Adler", "Weber"])],
)  # fmt: skip
def test_the_api_sorts_by_ordering(api, three_cities, ordering, expected):
    for params in ({"ordering": ordering}, {"ordering": ordering, "q": "a"}):
        response = api.get("/api/v1/customers/", params)
        assert response.status_code == 200, response.json()
        names = [c["last_name"] for c in response.json()["results"]]
        assert names == [name for name in expected if name in names] and names, params


def test_an_unknown_ordering_is_refused_by_the_api_and_ignored_by_the_list(api, cashier_client, three_cities):
    for unknown in ("street", "-id", "city,x", "\x00"):
        response = api.get("/api/v1/customers/", {"ordering": unknown})
        assert response.status_code == 400 and "ordering" in response.json(), unknown
        page = cashier_client.get("/customers/", {"ordering": unknown})
        assert page.status_code == 200 and rows_of(page.text) == ["Adler", "Weber", "Zimmer"], unknown


def test_the_api_schema_names_the_sort_orders(api):
    schema = api.get("/api/schema/?format=json").json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/customers/"]["get"]["parameters"]}
    assert {"name", "-name", "number", "-number", "postcode", "city", "-city", "created", "-created"} <= set(
        parameters["ordering"]["schema"]["items"]["enum"]
    )
    assert {"cursor", "page_size"} <= set(parameters)


def test_every_sort_column_has_an_index_so_a_million_customers_sort_fast(db):
    from django.db import connection

    table = Customer._meta.db_table
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, table)
    leading = {tuple(index["columns"][:2]) for index in indexes.values() if index["index"] or index["unique"]}
    for column in ("sort_name", "postcode", "city", "created_at"):
        assert (column, "id") in leading, column
    assert any(index["columns"] == ["number"] and index["unique"] for index in indexes.values())


# Active customers by default (seen: the list showed inactive customers by default)


@pytest.fixture
def one_gone(make_customer):
    """Two Müllers, one of them no longer a customer, and Weber."""
    make_customer(first_name="Anna", last_name="Müller")
    make_customer(first_name="Otto", last_name="Müller", active=False)
    make_customer(first_name="Jonas", last_name="Weber")


def first_names_on(html: str) -> list[str]:
    return sorted(name for name in ("Anna", "Otto", "Jonas") if f", {name}<" in html)


@pytest.mark.parametrize(
    ("params", "expected"),
    [({}, ["Anna", "Jonas"]), ({"q": "müller"}, ["Anna"]), ({"active": "false"}, ["Otto"]),
     ({"active": "all"}, ["Anna", "Jonas", "Otto"]), ({"active": "all", "q": "müller"}, ["Anna", "Otto"]),
     ({"active": "true"}, ["Anna", "Jonas"]), ({"city": ""}, ["Anna", "Jonas"])],
)  # fmt: skip
def test_the_list_shows_active_customers_unless_asked_for_others(cashier_client, one_gone, params, expected):
    page = cashier_client.get("/customers/", params, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results").text
    assert first_names_on(page) == expected
    full = cashier_client.get("/customers/", params).text
    assert first_names_on(full) == expected
    chosen = {"false": "inactive only", "all": "active and inactive"}.get(params.get("active"), "active only")
    assert re.search(rf'<option value="[a-z]+" selected>{chosen}</option>', full)


@pytest.mark.parametrize(
    ("params", "expected"),
    [({}, ["Anna", "Jonas"]), ({"active": "false"}, ["Otto"]), ({"active": "all"}, ["Anna", "Otto", "Jonas"]),
     ({"active": "true"}, ["Anna", "Jonas"]), ({"active": "all", "ordering": "-name"}, ["Jonas", "Otto", "Anna"])],
)  # fmt: skip
def test_the_api_lists_active_customers_unless_asked_for_others(api, one_gone, params, expected):
    body = api.get("/api/v1/customers/", params).json()
    assert [c["first_name"] for c in body["results"]] == expected
    assert body["count"] == len(expected)


def test_a_deactivated_customer_leaves_the_quick_search_and_its_count(api, cashier, one_gone):
    from regulars.customers.services import CustomerData, update_customer

    body = api.get("/api/v1/customers/", {"q": "müller"}).json()
    assert [c["first_name"] for c in body["results"]] == ["Anna"] and body["count"] == 1
    anna = Customer.objects.get(first_name="Anna")
    update_customer(customer_id=anna.pk, data=CustomerData(fields={"active": False}), expected_version=1, user=cashier)
    body = api.get("/api/v1/customers/", {"q": "müller"}).json()
    assert body["results"] == [] and body["count"] == 0
    body = api.get("/api/v1/customers/", {"q": "müller", "active": "false"}).json()
    assert [c["first_name"] for c in body["results"]] == ["Anna", "Otto"] and body["count"] == 2


def test_the_api_schema_says_active_customers_are_listed_unless_asked(api):
    schema = api.get("/api/schema/?format=json").json()
    [active] = [p for p in schema["paths"]["/api/v1/customers/"]["get"]["parameters"] if p["name"] == "active"]
    assert set(active["schema"]["enum"]) == {"true", "false", "all"} and active["schema"]["default"] == "true"
    assert "inactive" in active["description"]
