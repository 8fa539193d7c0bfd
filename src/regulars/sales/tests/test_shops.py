"""Each shop sells its own goods at its own VAT, with its own staff and tills (seen: a German cashier booked
"Knippen dames" at 21 % onto a Köln invoice, switched the till to the Dutch shop and picked Dutch staff; the API
booked Dutch articles on the German till; the Dutch cashier booked and cancelled on the German till)."""

import pytest
from django.test import Client

from regulars.catalog.models import Article, Service
from regulars.core.roles import Role
from regulars.core.services import create_user
from regulars.core.tests.fixtures import PASSWORD
from regulars.sales.models import Receipt
from regulars.sales.services import BookingError, LineInput, PaymentInput, book_receipt, cancel_receipt
from regulars.sales.tests.fixtures import post


@pytest.fixture
def dutch_wella(shop_nl, shampoo):
    """The same Wella shampoo, sold by the Dutch shop under the same EAN at 21 %."""
    return Article.objects.create(
        shop=shop_nl, name="Shampoo Repair", ean=shampoo.ean, brand=shampoo.brand, price=1350, vat_rate=2100
    )


@pytest.fixture
def kassa_cashier(shop_nl, sanne):
    user = create_user(username="kassa", role=Role.CASHIER, password=PASSWORD, shop=shop_nl, language="en")
    sanne.user = user
    sanne.save()
    return user


def test_the_till_page_offers_only_its_shops_goods_staff_and_tills(at_till, till, kassa, sanne, knippen, haircut):
    page = at_till.get("/sales/till/").content.decode()
    assert haircut.name.replace("&", "&amp;") in page and "Knippen dames" not in page
    assert "Sanne de Wit" not in page and "Jana Krüger" in page
    assert "Kassa 1" not in page and "Kasse 1" in page


def test_scanning_finds_the_article_of_the_tills_own_shop(at_till, shampoo, dutch_wella):
    post(at_till, "add", {"code": shampoo.ean})
    cart = post(at_till, "add", {"code": shampoo.ean}).text
    assert "€12.50" in cart and "€13.50" not in cart  # the German price, twice; never the Dutch article
    assert "Shampoo Repair" in at_till.get("/sales/till/articles/?code=Repair").content.decode()


def test_a_service_of_another_shop_cannot_be_added_at_the_till(at_till, knippen):
    assert post(at_till, "add", {"service": knippen.pk}).status_code == 404


def test_the_till_cannot_be_switched_to_another_shops_till_or_staff(at_till, till, kassa, sanne):
    post(at_till, "settings", {"till": kassa.pk, "staff": sanne.pk})
    page = at_till.get("/sales/till/").content.decode()
    assert f'<option value="{till.pk}" selected' in page
    assert "Sanne de Wit" not in page


def test_the_api_refuses_a_line_of_another_shop_and_names_it(api, till, jana, shampoo, dutch_wella):
    body = {
        "till": till.pk, "staff": jana.pk, "lines": [{"article": shampoo.pk}, {"article": dutch_wella.pk}],
        "payments": [{"method": "cash", "amount": "50.00"}],
    }  # fmt: skip
    response = api.post("/api/v1/receipts/", body, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["lines"] and list(response.json()["lines"]) == ["1"]
    assert "not sold in this shop" in response.json()["lines"]["1"]["article"][0]
    assert not Receipt.objects.exists()


def test_staff_of_another_shop_cannot_book_at_the_till(till, sanne, haircut):
    with pytest.raises(BookingError, match="Sanne de Wit arbeitet nicht in Salon Sonnenschein") as refused:
        book_receipt(till=till, staff=sanne, lines=[LineInput(service=haircut)], payments=[PaymentInput("cash", 5000)])
    assert refused.value.field == "staff"


def test_a_cashier_books_and_cancels_at_the_tills_of_their_shop_only(
    kassa_cashier, till, jana, haircut, cashier, regular
):
    # given a German receipt
    receipt = book_receipt(
        till=till,
        staff=jana,
        lines=[LineInput(service=haircut)],
        payments=[PaymentInput("cash", 5000)],
        user=cashier,
        customer=regular,
    )
    dutch = Client()
    dutch.force_login(kassa_cashier)
    # when the Dutch cashier tries to book and to cancel at the German till (page and API)
    with pytest.raises(BookingError, match="Sie arbeiten nicht in Salon Sonnenschein"):
        book_receipt(till=till, staff=jana, lines=[LineInput(service=haircut)], payments=[PaymentInput("cash", 5000)],
                     user=kassa_cashier)  # fmt: skip
    page = dutch.post(f"/sales/receipts/{receipt.pk}/cancel/", {"customer": regular.pk}, HTTP_HX_REQUEST="true")
    assert "You do not work in Salon Sonnenschein" in page.content.decode()
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(kassa_cashier)
    assert api.post(f"/api/v1/receipts/{receipt.pk}/cancel/", {}, format="json").status_code == 400
    body = {"till": till.pk, "staff": jana.pk, "lines": [{"service": haircut.pk}],
            "payments": [{"method": "cash", "amount": "50.00"}]}  # fmt: skip
    assert api.post("/api/v1/receipts/", body, format="json").status_code == 400
    # then nothing was booked besides the German receipt
    assert list(Receipt.objects.values_list("kind", flat=True)) == ["sale"]


def test_receipts_and_cancellations_record_the_login_that_booked_them(till, jana, haircut, cashier, manager):
    receipt = book_receipt(
        till=till, staff=jana, lines=[LineInput(service=haircut)], payments=[PaymentInput("cash", 5000)], user=cashier
    )
    cancellation = cancel_receipt(receipt=receipt, user=manager)
    assert (receipt.user, receipt.user_name, receipt.staff) == (cashier, "kasse", jana)
    assert (cancellation.user, cancellation.user_name) == (manager, "chef")
    assert cancellation.staff == jana  # the manager has no staff member of this shop: the original's stays


@pytest.mark.parametrize(("shop", "rate", "accepted"), [("de", 1900, True), ("de", 2100, False), ("nl", 900, True),
                                                        ("nl", 700, False)])  # fmt: skip
def test_an_article_has_a_vat_rate_of_its_shops_country(request, admin_client, shop, rate, accepted):
    shop_obj = request.getfixturevalue(f"shop_{shop}")
    response = admin_client.post(
        "/catalog/articles/new/",
        {"shop": shop_obj.pk, "name": "Haarspray", "ean": "", "price": "7,99", "vat_rate": rate, "active": "on"},
    )
    assert (response.status_code == 302) == accepted
    if not accepted:
        assert "sells at the VAT rates of its country" in response.content.decode()
    assert Article.objects.filter(name="Haarspray").exists() == accepted


def test_an_article_with_the_ean_left_empty_is_saved(manager_client, shop_de):
    response = manager_client.post(
        "/catalog/articles/new/", {"shop": shop_de.pk, "name": "Kamm", "ean": "", "price": "3", "vat_rate": 1900}
    )
    assert response.status_code == 302 and Article.objects.get(name="Kamm").ean is None


def test_a_manager_sees_and_edits_the_goods_of_their_shops_only(manager_client, shampoo, dutch_wella):
    page = manager_client.get("/catalog/articles/").content.decode()
    assert "€12.50" in page
    assert "€13.50" not in page
    assert manager_client.get(f"/catalog/articles/{dutch_wella.pk}/").status_code == 404


def test_a_manager_of_two_shops_switches_between_them(manager, shop_de, shop_nl, till, kassa):
    manager.shops.add(shop_nl)
    client = Client()
    client.force_login(manager)
    response = client.post("/me/shop/", {"shop": shop_nl.pk, "next": "/sales/till/"})
    assert response.status_code == 302
    manager.refresh_from_db()
    assert manager.shop == shop_nl
    page = client.get("/sales/till/").content.decode()
    assert f'<option value="{kassa.pk}" selected' in page


def test_a_cashier_cannot_switch_to_another_shop(cashier_client, cashier, shop_nl):
    cashier_client.post("/me/shop/", {"shop": shop_nl.pk})
    cashier.refresh_from_db()
    assert cashier.shop.name == "Salon Sonnenschein"


def test_a_chain_copies_a_catalogue_to_another_shop(admin_client, shampoo, haircut, shop_de, shop_nl):
    response = admin_client.post("/catalog/copy/", {"source": shop_de.pk, "target": shop_nl.pk})
    assert response.status_code == 302
    copy = Article.objects.get(shop=shop_nl, ean=shampoo.ean)
    assert (copy.name, copy.price, copy.vat_rate) == ("Shampoo Repair", 1250, 2100)  # 19 % becomes 21 %
    assert Service.objects.get(shop=shop_nl, name=haircut.name).vat_rate == 2100
    # copying again keeps what the shop has
    admin_client.post("/catalog/copy/", {"source": shop_de.pk, "target": shop_nl.pk})
    assert Article.objects.filter(shop=shop_nl).count() == 1 and Service.objects.filter(shop=shop_nl).count() == 1
