import pytest

from regulars.catalog.models import Article, Brand, Discount, Service
from regulars.core.models import StaffMember
from regulars.sales.models import Till


@pytest.fixture
def till(shop_de):
    return Till.objects.create(shop=shop_de, name="Kasse 1")


@pytest.fixture
def second_till(shop_de):
    return Till.objects.create(shop=shop_de, name="Kasse 2")


@pytest.fixture
def jana(shop_de, cashier):
    return StaffMember.objects.create(name="Jana Krüger", shop=shop_de, user=cashier)


@pytest.fixture
def mehmet(shop_de):
    return StaffMember.objects.create(name="Mehmet Öztürk", shop=shop_de)


@pytest.fixture
def shampoo(db):
    return Article.objects.create(
        name="Shampoo Repair", ean="4006381333931", brand=Brand.objects.create(name="Wella"), price=1250
    )


@pytest.fixture
def haircut(db):
    return Service.objects.create(name="Schneiden & Föhnen", price=4500)


@pytest.fixture
def regular(make_customer):
    """A customer with 10 % off services and 2 € off articles (C7)."""
    return make_customer(
        first_name="Käthe",
        last_name="Müller",
        street="Hauptstraße 1",
        postcode="50667",
        city="Köln",
        service_discount=Discount.objects.create(
            name="Stammkunde", applies_to="services", kind="percent", percent=1000
        ),
        article_discount=Discount.objects.create(name="Zwei Euro", applies_to="articles", kind="amount", amount=200),
    )


@pytest.fixture
def at_till(client, cashier, till, jana):
    client.force_login(cashier)
    return client


def post(client, name, data=None):
    return client.post(f"/sales/till/{name}/", data or {}, HTTP_HX_REQUEST="true")
