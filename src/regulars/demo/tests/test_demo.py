"""`regulars demo`: catalog, tills and a purchase history that passes the fiscal checks; idempotent."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation
from rest_framework.test import APIClient
from stdnum import ean

from regulars.catalog.models import Article, Brand, Discount, Service
from regulars.core.models import User
from regulars.core.vat import rates_for
from regulars.customers.models import Customer
from regulars.demo import names
from regulars.sales.fiscal import verify
from regulars.sales.models import Payment, Receipt, ReceiptLine, Till
from regulars.sales.pricing import contained_vat

pytestmark = pytest.mark.django_db


def counts() -> dict:
    models = [Customer, Till, Brand, Article, Service, Discount, Receipt, ReceiptLine, Payment]
    return {model.__name__: model.objects.count() for model in models}


def foreign_keys() -> dict:
    with connection.cursor() as cursor:
        return {
            model.__name__: sorted(
                tuple(c["columns"]) + c["foreign_key"]
                for c in connection.introspection.get_constraints(cursor, model._meta.db_table).values()
                if c["foreign_key"]
            )
            for model in (Receipt, ReceiptLine, Payment)
        }


def verify_demo_people() -> bool:
    """Salutations follow the first names ("Herr Bärbel" never), Dutch customers are in Dutch groups."""
    for customer in Customer.objects.exclude(salutation=""):
        lists = names.NL_FIRST if customer.country == "NL" else names.DE_FIRST
        assert customer.first_name in lists[customer.salutation], (customer.salutation, customer.first_name)
    assert not Customer.objects.filter(country="NL", groups__key="stammkunden").exists()
    assert Customer.objects.filter(country="NL", groups__key="vaste-klanten").exists()
    return True


def test_demo_builds_a_valid_purchase_history():
    keys = foreign_keys()
    assert ("receipt_id", "sales_receipt", "id") in keys["ReceiptLine"]
    call_command("demo", customers=60, stdout=StringIO())
    assert foreign_keys() == keys  # dropped for the bulk load on PostgreSQL, back when it ends
    first = counts()
    assert first["Customer"] == 60
    assert sorted(Till.objects.values_list("name", flat=True)) == ["Kassa 1", "Kasse 1"]
    assert first["Brand"] >= 45 and first["Article"] >= 200 and 14 <= first["Service"] <= 20
    # each shop sells its own goods at its country's VAT: Dutch hairdressing at 9 %
    for till in Till.objects.select_related("shop"):
        rates = set(Article.objects.filter(shop=till.shop).values_list("vat_rate", flat=True))
        rates |= set(Service.objects.filter(shop=till.shop).values_list("vat_rate", flat=True))
        assert rates <= set(rates_for(till.shop.country)), till.shop
    assert set(Service.objects.filter(shop__country="NL").values_list("vat_rate", flat=True)) == {900}
    assert verify_demo_people()
    assert all(ean.is_valid(code) for code in Article.objects.values_list("ean", flat=True))
    assert first["Receipt"] >= 150 and first["ReceiptLine"] >= 3 * first["Receipt"]
    assert Customer.objects.filter(service_discount__isnull=False).exists()
    assert Customer.objects.filter(article_discount__isnull=False).exists()
    assert verify().breaks == []
    # the cashiers' logins are staff members: the till books in their name right away
    staff = dict(User.objects.filter(staff_member__isnull=False).values_list("username", "staff_member__name"))
    assert staff == {"chef": "Mehmet Öztürk", "kasse": "Jana Krüger", "kassa": "Sanne de Wit"}
    for till in Till.objects.all():
        rows = list(Receipt.objects.filter(till=till).order_by("number").values_list("number", "created_at"))
        assert [number for number, _ in rows] == list(range(1, len(rows) + 1))
        assert [when for _, when in rows] == sorted(when for _, when in rows)
    receipt = Receipt.objects.filter(kind="sale").exclude(customer=None).first()
    assert receipt.customer_number == receipt.customer.number and receipt.customer_name
    assert receipt.total == sum(line.total for line in receipt.lines.all())
    assert sum(p.amount for p in receipt.payments.all()) - receipt.change == receipt.total
    line = ReceiptLine.objects.filter(discount__gt=0).first()
    assert line.total == line.unit_price * line.quantity - line.discount
    assert line.vat == contained_vat(line.total, line.vat_rate)

    call_command("demo", customers=60, stdout=StringIO())
    assert counts() == first
    assert verify().breaks == []


def test_the_demo_never_writes_into_a_database_with_data_it_did_not_create():
    # given a database with a customer made through the API (seen: a re-run added 8 receipts to it)
    call_command("demo", customers=20, stdout=StringIO())
    before = counts()
    api = APIClient()
    api.force_authenticate(User.objects.get(username="kasse"))
    made = api.post("/api/v1/customers/", {"first_name": "Echt", "last_name": "Kunde"}, format="json")
    assert made.status_code == 201
    # when the demo runs again
    with pytest.raises(CommandError) as refused, translation.override("en"):
        call_command("demo", customers=40, stdout=StringIO())
    # then it refuses, names what it found and writes nothing
    assert "holds data the demo did not create" in str(refused.value) and "1 customer)" in str(refused.value)
    assert refused.value.returncode == 3
    assert {**counts(), "Customer": before["Customer"]} == before
    assert not Receipt.objects.filter(customer_id=made.json()["id"]).exists()


def test_the_demo_refuses_a_database_of_a_real_shop(db):
    from regulars.core.models import Shop

    Shop.objects.create(name="Friseur Meier", country="DE")
    with pytest.raises(CommandError, match="1 shop\\)"), translation.override("en"):
        call_command("demo", customers=5, stdout=StringIO())
    assert not Customer.objects.exists() and not Till.objects.exists()
