import subprocess

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
def kassa(shop_nl):
    """The till of the Dutch salon."""
    return Till.objects.create(shop=shop_nl, name="Kassa 1")


@pytest.fixture
def sanne(shop_nl):
    return StaffMember.objects.create(name="Sanne de Wit", shop=shop_nl)


@pytest.fixture
def knippen(shop_nl):
    """A Dutch hairdressing service: 9 % VAT (art. 9 Wet OB, Tabel I b.19)."""
    return Service.objects.create(shop=shop_nl, name="Knippen dames", price=4500, vat_rate=900)


@pytest.fixture
def shampoo(shop_de):
    return Article.objects.create(
        shop=shop_de, name="Shampoo Repair", ean="4006381333931", brand=Brand.objects.create(name="Wella"), price=1250
    )


@pytest.fixture
def haircut(shop_de):
    return Service.objects.create(shop=shop_de, name="Schneiden & Föhnen", price=4500)


@pytest.fixture
def regular(make_customer, shop_de):
    """A customer with 10 % off services and 2 € off articles (C7)."""
    return make_customer(
        first_name="Käthe",
        last_name="Müller",
        street="Hauptstraße 1",
        postcode="50667",
        city="Köln",
        service_discount=Discount.objects.create(
            shop=shop_de, name="Stammkunde", applies_to="services", kind="percent", percent=1000
        ),
        article_discount=Discount.objects.create(
            shop=shop_de, name="Zwei Euro", applies_to="articles", kind="amount", amount=200
        ),
    )


@pytest.fixture
def at_till(client, cashier, till, jana):
    client.force_login(cashier)
    return client


def post(client, name, data=None):
    return client.post(f"/sales/till/{name}/", data or {}, HTTP_HX_REQUEST="true")


def pdf_text(content: bytes) -> str:
    """A PDF's text as pdftotext reads it (poppler), in its layout."""
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout.decode()


def invoice_pdf_of(receipt) -> bytes:
    from regulars.sales.documents import invoice_pdf

    return invoice_pdf(receipt)
