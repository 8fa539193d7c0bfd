"""Articles, services and discounts as managers keep them and the till reads them (S2, C7)."""

import pytest

from regulars.catalog.models import Article, Brand, Discount, Service


@pytest.fixture
def wella(db):
    return Brand.objects.create(name="Wella")


def test_an_article_is_entered_with_a_typed_price_and_a_scanned_ean(manager_client, wella, shop_de):
    response = manager_client.post(
        "/catalog/articles/new/",
        {"shop": shop_de.pk, "name": "Shampoo Repair", "ean": "4006381333931", "brand": wella.pk, "price": "12,50",
         "vat_rate": 1900, "active": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.price, article.ean, str(article)) == (1250, "4006381333931", "Wella Shampoo Repair")


@pytest.mark.parametrize(("field", "value"), [("ean", "4006381333932"), ("price", "12,5x"), ("price", "-1")])
def test_bad_article_input_is_named_and_nothing_saved(manager_client, field, value, shop_de):
    data = {"shop": shop_de.pk, "name": "Spray", "ean": "4006381333931", "price": "5", "vat_rate": 1900, field: value}
    response = manager_client.post("/catalog/articles/new/", data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Article.objects.exists()


def test_a_discount_is_a_percentage_or_an_amount(manager_client, shop_de):
    manager_client.post("/catalog/discounts/new/", {"shop": shop_de.pk, "name": "Stammkunde", "applies_to": "services",
                                                    "kind": "percent", "percent": "10", "active": "on"})  # fmt: skip
    manager_client.post("/catalog/discounts/new/", {"shop": shop_de.pk, "name": "Fünf Euro", "applies_to": "articles",
                                                    "kind": "amount", "amount": "5,00", "active": "on"})  # fmt: skip
    assert {(d.name, d.percent, d.amount) for d in Discount.objects.all()} == {
        ("Stammkunde", 1000, None),
        ("Fünf Euro", None, 500),
    }
    missing = manager_client.post("/catalog/discounts/new/", {"name": "X", "applies_to": "articles", "kind": "percent"})
    assert "percent" in missing.context["form"].errors


def test_the_till_finds_articles_by_ean_or_name(api, wella, shop_de):
    Article.objects.create(shop=shop_de, name="Shampoo Repair", ean="4006381333931", brand=wella, price=1250)
    Article.objects.create(shop=shop_de, name="Haarspray", ean="4012345678901", price=799)
    by_ean = api.get("/api/v1/articles/", {"q": "4006381333931"}).json()["results"]
    assert [(a["name"], a["price"], a["brand"]) for a in by_ean] == [("Shampoo Repair", "12.50", "Wella")]
    assert [a["name"] for a in api.get("/api/v1/articles/", {"q": "wella sham"}).json()["results"]] == [
        "Shampoo Repair"
    ]


@pytest.mark.parametrize("typed", ["loreal", "L'Oréal", "LOREAL elvi", "elvital", "Pflege", "pflege loreal"])
def test_articles_are_found_in_any_spelling_of_brand_and_name(api, typed, shop_de):
    Article.objects.create(shop=shop_de, name="Elvital Pflege", brand=Brand.objects.create(name="L'Oréal"), price=599)
    Article.objects.create(shop=shop_de, name="Haarspray", price=799)
    assert [a["name"] for a in api.get("/api/v1/articles/", {"q": typed}).json()["results"]] == ["Elvital Pflege"]


def test_a_renamed_brand_finds_its_articles_under_the_new_name(api, wella, shop_de):
    Article.objects.create(shop=shop_de, name="Shampoo Repair", brand=wella, price=1250)
    wella.name = "Wella Professionals"
    wella.save()
    assert [a["name"] for a in api.get("/api/v1/articles/", {"q": "professionals"}).json()["results"]] == [
        "Shampoo Repair"
    ]


def test_the_till_lists_services(api, shop_de):
    Service.objects.create(shop=shop_de, name="Schneiden & Föhnen", price=4500, duration=45)
    assert api.get("/api/v1/services/", {"q": "föhn"}).json()["results"][0]["price"] == "45.00"


@pytest.mark.parametrize("path", ["/catalog/articles/", "/catalog/services/", "/catalog/discounts/", "/master-data/"])
def test_x5_master_data_is_for_managers(cashier, manager, path):
    from django.test import Client

    for user, status in ((cashier, 403), (manager, 200)):
        client = Client()
        client.force_login(user)
        assert client.get(path).status_code == status
