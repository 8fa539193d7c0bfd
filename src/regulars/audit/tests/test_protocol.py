"""One change log for every record (P1): master data, users, mail accounts and orders are protocolled like
customers, each master-data page shows its record's history, and only erasure ever changes an entry."""

import pytest
from django.test import Client

from regulars.audit.models import AppendOnlyError, ProtocolEntry
from regulars.audit.registry import kind
from regulars.audit.services import erase_personal_values, history, history_of
from regulars.catalog.models import Article, Brand, Discount, Service
from regulars.communication.models import MailAccount
from regulars.core.models import Shop, StaffMember
from regulars.customers.services import CustomerData, update_customer
from regulars.orders.models import Order
from regulars.orders.services import save_order
from regulars.sales.models import Till


@pytest.fixture
def wella(db):
    return Brand.objects.create(name="Wella")


@pytest.fixture
def article(wella, shop_de):
    return Article.objects.create(shop=shop_de, name="Shampoo Repair", ean="4006381333931", brand=wella, price=1250)


ARTICLE_FORM = {"name": "Shampoo Repair", "ean": "4006381333931", "price": "13,50", "vat_rate": "1900", "active": "on"}


@pytest.fixture
def article_form(shop_de, wella):
    return {**ARTICLE_FORM, "shop": shop_de.pk, "brand": wella.pk}


def test_p1_a_changed_article_price_is_protocolled_with_user_and_request(manager_client, article, article_form):
    # when a manager changes the price on the article's page
    response = manager_client.post(f"/catalog/articles/{article.pk}/", article_form)
    assert response.status_code == 302
    # then the entry names the field, old and new value, the user, the request and the entry it overwrites
    entry = history_of(article).get(field="price", action="changed")
    created = history_of(article).get(field="price", action="created")
    assert (entry.old_value, entry.new_value, entry.user_name) == (1250, 1350, "chef")
    assert entry.request_id is not None and response["X-Request-ID"] == str(entry.request_id)
    assert entry.supersedes == created
    assert created.new_value == 1250 and created.user_name == ""
    # and the article's page shows the history in the reader's words
    page = manager_client.get(f"/catalog/articles/{article.pk}/").content.decode()
    assert "Article changed" in page and "price from “€12.50” to “€13.50”" in page


def test_p1_references_keep_their_label_of_the_day(manager_client, article, article_form, wella):
    other = Brand.objects.create(name="Goldwell")
    manager_client.post(f"/catalog/articles/{article.pk}/", {**article_form, "price": "12,50", "brand": other.pk})
    other.name = "Goldwell Professional"
    other.save()
    entry = history_of(article).get(field="brand", action="changed")
    assert entry.old_value == {"id": wella.pk, "label": "Wella"}
    assert entry.new_value == {"id": other.pk, "label": "Goldwell"}


def test_p1_every_kind_of_master_data_is_protocolled(shop_de, admin_user, manager):
    # given one record of each kind, created outside any request
    records = [
        Till.objects.create(shop=shop_de, name="Kasse 9"),
        Service.objects.create(shop=shop_de, name="Balayage", price=12900),
        Discount.objects.create(shop=shop_de, name="Stammkunde", applies_to="services", kind="percent", percent=1000),
        StaffMember.objects.create(name="Lisa Weiß", shop=shop_de),
        MailAccount.objects.create(host="smtp.example.com", sender="salon@example.com"),
    ]
    # then each has its "created" entries, and a change is protocolled too
    for record in [shop_de, admin_user, *records]:
        assert history_of(record).filter(action="created").exists(), record
    shop_de.name = "Salon Sonnenschein Köln"
    shop_de.save()
    entry = history_of(shop_de).get(field="name", action="changed")
    assert (entry.old_value, entry.new_value) == ("Salon Sonnenschein", "Salon Sonnenschein Köln")


def test_p1_the_issue_lists_these_kinds():
    for key in ("customer", "shop", "till", "article", "service", "discount", "staff", "user", "mail_account", "order"):
        assert kind(key).fields, key


def test_p1_passwords_are_protocolled_as_changed_never_with_their_values(admin_client, cashier, db):
    # when an administrator sets a new password and a mail account password
    response = admin_client.post(
        f"/users/{cashier.pk}/password/",
        {"new_password1": "Neues-Kassen-Passwort-7", "new_password2": "Neues-Kassen-Passwort-7"},
    )
    assert response.status_code == 302
    account = MailAccount(host="smtp.example.com", sender="salon@example.com")
    account.set_password("Geheim-123")
    account.save()
    account.set_password("Geheim-456")
    account.save()
    # then the entries say "changed" and hold no trace of the passwords or their hashes
    password = history_of(cashier).get(field="password", action="changed")
    assert password.old_value is None and password.new_value == {"changed": True}
    cashier.refresh_from_db()
    stored = "".join(str((e.old_value, e.new_value)) for e in ProtocolEntry.objects.all())
    assert cashier.password not in stored and "Geheim" not in stored
    assert account.password_encrypted not in stored
    assert history_of(account).filter(field="password_encrypted", action="changed").count() == 1
    page = admin_client.get(f"/users/{cashier.pk}/").content.decode()
    assert "password changed" in page


def test_p1_an_order_is_protocolled_with_its_lines(make_customer, cashier):
    order = save_order(
        order=Order(customer=make_customer()), lines=[{"description": "Olaplex No. 3", "quantity": 1, "price": 2990}],
        user=cashier,
    )  # fmt: skip
    order.status = "finished"
    save_order(order=order, lines=[{"description": "Olaplex No. 3", "quantity": 2, "price": 2990}], user=cashier)
    lines = history_of(order).get(field="lines", action="changed")
    assert lines.old_value == [{"description": "Olaplex No. 3", "quantity": 1, "price": 2990}]
    assert lines.new_value[0]["quantity"] == 2
    assert history_of(order).get(field="status", action="changed").new_value == "finished"


@pytest.mark.parametrize(("user", "status"), [("cashier_client", 403), ("manager_client", 200)])
def test_p1_the_whole_history_of_an_article_is_for_managers(request, article, user, status):
    client = request.getfixturevalue(user)
    assert client.get(f"/protocol/article/{article.pk}/").status_code == status


def test_p1_the_history_of_users_and_shops_is_for_administrators(manager, admin_user, shop_de):
    as_manager, as_admin = Client(), Client()
    as_manager.force_login(manager)
    as_admin.force_login(admin_user)
    assert as_manager.get(f"/protocol/shop/{shop_de.pk}/").status_code == 403
    page = as_admin.get(f"/protocol/shop/{shop_de.pk}/")
    assert page.status_code == 200 and "Shop created" in page.content.decode()
    assert as_admin.get(f"/protocol/nothing/{shop_de.pk}/").status_code == 404


def test_g3_erasure_removes_the_values_and_keeps_the_entries(make_customer, manager):
    # given a customer with a changed address
    customer = make_customer(street="Hauptstraße 1")
    update_customer(
        customer_id=customer.pk, data=CustomerData(fields={"street": "Domstraße 5"}), expected_version=1, user=manager
    )
    entries = history_of(customer).count()
    # when the customer's personal values are erased from the protocol
    erased = erase_personal_values(kind_key="customer", record_ids=[customer.pk])
    # then every entry stays, with who and when, but without the values
    assert erased == entries == history_of(customer).count()
    street = history_of(customer).get(field="street", action="changed")
    assert (street.old_value, street.new_value, street.user_name) == (None, None, "chef")
    assert street.erased_at is not None
    assert not any("Hauptstraße" in str(e.old_value) + str(e.new_value) for e in history_of(customer))


def test_g3_erasure_is_refused_for_records_without_personal_data(article):
    with pytest.raises(ValueError, match="no personal data"):
        erase_personal_values(kind_key="article", record_ids=[article.pk])
    assert history_of(article).exclude(new_value=None).exists()


def test_p1_nothing_but_erasure_changes_an_entry(article):
    entries = history(kind_key="article", record_id=article.pk)
    with pytest.raises(AppendOnlyError):
        entries.update(new_value="forged")
    with pytest.raises(AppendOnlyError):
        entries.delete()
    entry = entries.first()
    entry.new_value = "forged"
    with pytest.raises(AppendOnlyError):
        entry.save()


def test_p1_the_api_gives_values_as_data_and_as_text(api, make_customer, manager):
    customer = make_customer(phones=[("+491711234567", "mobile")])
    update_customer(
        customer_id=customer.pk, data=CustomerData(fields={"active": False}), expected_version=1, user=manager
    )
    rows = api.get(f"/api/v1/customers/{customer.pk}/protocol/").json()["results"]
    active = next(row for row in rows if row["field"] == "active" and row["action"] == "changed")
    assert (active["old_value"], active["new_value"]) == (True, False)
    assert (active["field_label"], active["old_text"], active["new_text"]) == ("active", "yes", "no")
    phones = next(row for row in rows if row["field"] == "phones")
    assert phones["new_value"] == [{"number": "+491711234567", "kind": "mobile"}]
    assert phones["new_text"] == "+49 171 1234567 (mobile)"
    assert (phones["kind"], phones["record_id"]) == ("customer", customer.pk)


def test_p1_entries_of_a_shop_without_a_request_name_the_command(db):
    from regulars.audit.services import acting_as

    with acting_as("regulars demo"):
        shop = Shop.objects.create(name="Demo", country="NL")
    assert set(history_of(shop).values_list("user_name", flat=True)) == {"regulars demo"}
