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
    "url", ["/api/v1/customers/", "/api/v1/customers/?q=kunde", "/api/v1/customers/?city=&q=kunde"]
)
def test_l1_the_api_reaches_the_last_customer_by_following_next(api, many_customers, url):
    seen = []
    while url:
        body = api.get(url).json()
        assert body["count"] == 1000 and body["count_is_exact"] is False
        seen += [customer["last_name"] for customer in body["results"]]
        url = body["next"]
    assert seen == [f"Kunde {i:04d}" for i in range(MANY)]


def test_l1_previous_goes_back_page_by_page(api, many_customers):
    # given the pages of 200 customers, followed to the last
    url, pages = "/api/v1/customers/?page_size=200", []
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
