"""Parking a receipt at the till (R2): park, resume into an empty cart and pay, or abandon it as aborted."""

import pytest
from django.db import connection
from django.utils import translation

from regulars.sales.models import ParkedReceipt, Receipt
from regulars.sales.services import BookingError, LineInput, price_lines
from regulars.sales.tests.fixtures import post


@pytest.fixture
def parked(at_till, regular, shampoo, haircut):
    post(at_till, "customer", {"customer": regular.pk})
    post(at_till, "add", {"code": shampoo.ean})
    post(at_till, "add", {"service": haircut.pk})
    page = post(at_till, "park").text
    assert "Receipt parked." in page
    return ParkedReceipt.objects.get()


def test_r2_a_parked_receipt_is_listed_resumed_and_paid(at_till, parked, regular):
    page = at_till.get("/sales/till/").text
    assert 'data-testid="parked"' in page and "Müller, Käthe" in page and "€51.00" in page
    assert "Scan an article or choose a service." in page  # the cart is free for the next customer
    resumed = post(at_till, f"parked/{parked.pk}/resume").text
    assert "Parked receipt resumed." in resumed and "€51.00" in resumed
    assert not ParkedReceipt.objects.exists()
    post(at_till, "pay", {"cash": "60"})
    receipt = Receipt.objects.get()
    assert (receipt.kind, receipt.customer, receipt.total, receipt.change) == ("sale", regular, 5100, 900)


def test_r2_an_abandoned_parked_receipt_is_aborted_and_red_on_the_customer(at_till, parked, regular):
    page = post(at_till, f"parked/{parked.pk}/abandon").text
    assert "Receipt 1 recorded as aborted." in page
    receipt = Receipt.objects.get()
    assert (receipt.kind, receipt.customer, receipt.total) == ("aborted", regular, 5100)
    assert not receipt.payments.exists() and not ParkedReceipt.objects.exists()
    panel = at_till.get(f"/sales/customers/{regular.pk}/receipts/").text
    assert 'class="receipt-void" data-receipt="1"' in panel and "aborted" in panel


def test_r2_resuming_is_refused_while_the_cart_has_lines(at_till, parked, shampoo):
    post(at_till, "add", {"code": shampoo.ean})
    page = post(at_till, f"parked/{parked.pk}/resume").text
    assert "Please pay, park or abandon the current receipt before resuming a parked one." in page
    assert ParkedReceipt.objects.filter(pk=parked.pk).exists()
    assert len(at_till.session["till_cart"]["lines"]) == 1


def test_r2_an_empty_cart_is_not_parked_and_a_receipt_is_taken_only_once(at_till, parked):
    assert "The receipt has no lines." in post(at_till, "park").text
    post(at_till, f"parked/{parked.pk}/abandon")
    assert post(at_till, f"parked/{parked.pk}/resume").status_code == 404
    assert Receipt.objects.count() == 1


def test_r2_a_line_for_another_customer_stays_when_parked(at_till, make_customer, regular, shampoo):
    post(at_till, "add", {"code": shampoo.ean})
    post(at_till, "line/0/customer", {"customer": regular.pk})
    post(at_till, "park")
    resumed = post(at_till, f"parked/{ParkedReceipt.objects.get().pk}/resume").text
    assert "for Müller, Käthe" in resumed and "−€2.00" in resumed


@pytest.mark.parametrize(
    "path", ["articles/?code=x", "line/0/customer/", "park/", "parked/1/resume/", "parked/1/abandon/"]
)
def test_x5_the_new_till_endpoints_need_a_login(client, db, path):
    response = client.post(f"/sales/till/{path}") if "?" not in path else client.get(f"/sales/till/{path}")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_r2_a_parked_receipt_whose_article_was_taken_out_of_the_range_is_still_abandoned(at_till, parked, shampoo):
    # given the shampoo is no longer sold while the receipt is parked
    shampoo.active = False
    shampoo.save()
    assert "€51.00" in at_till.get("/sales/till/").text  # the parked receipt still shows its total
    # when
    page = post(at_till, f"parked/{parked.pk}/abandon").text
    # then it is recorded as it was put together
    assert "Receipt 1 recorded as aborted." in page
    receipt = Receipt.objects.get()
    assert (receipt.kind, receipt.total) == ("aborted", 5100)
    assert "Shampoo Repair" in receipt.lines.values_list("description", flat=True)
    # but it cannot be sold any more
    with translation.override("en"), pytest.raises(BookingError, match="no longer sold"):
        price_lines(lines=[LineInput(article=shampoo)], customer=None, staff=receipt.staff)


def test_r2_a_resumed_receipt_that_cannot_be_sold_as_it_stands_keeps_its_lines_to_remove(at_till, parked, shampoo):
    # given the shampoo was taken out of the range while the receipt was parked
    shampoo.active = False
    shampoo.save()
    # when the receipt is resumed
    page = post(at_till, f"parked/{parked.pk}/resume").text
    # then its lines are there with the reason, and the shampoo can be removed to go on
    assert "is no longer sold" in page and "Shampoo Repair" in page and "Schneiden &amp; Föhnen" in page
    assert "is no longer sold" in post(at_till, "pay", {"cash": "60"}).text
    assert not Receipt.objects.exists()
    page = post(at_till, "remove/0").text
    assert "Shampoo Repair" not in page and "is no longer sold" not in page
    post(at_till, "pay", {"cash": "60"})
    assert Receipt.objects.get().total == 4050


def test_r2_a_parked_receipt_is_taken_only_at_its_own_till(at_till, parked, second_till):
    # the cashier works at the second till: the first till's parked receipt is not theirs to take
    post(at_till, "settings", {"till": second_till.pk})
    assert post(at_till, f"parked/{parked.pk}/abandon").status_code == 404
    assert post(at_till, f"parked/{parked.pk}/resume").status_code == 404
    assert ParkedReceipt.objects.filter(pk=parked.pk).exists() and not Receipt.objects.exists()


def test_r2_resuming_is_refused_once_a_customer_is_chosen(at_till, parked, make_customer):
    post(at_till, "customer", {"customer": make_customer(first_name="Lea", last_name="Berg").pk})
    page = post(at_till, f"parked/{parked.pk}/resume").text
    assert "before resuming a parked one" in page and "Berg, Lea" in page
    assert ParkedReceipt.objects.filter(pk=parked.pk).exists()


def statements(action) -> int:
    """How many SQL statements `action` runs (counted as they reach the database)."""
    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        action()
    return count


def test_r2_the_till_reads_its_parked_receipts_in_the_same_queries_however_many(
    at_till, regular, make_customer, shampoo, haircut
):
    def park_one(customer):
        post(at_till, "customer", {"customer": customer.pk})
        post(at_till, "add", {"code": shampoo.ean})
        post(at_till, "add", {"service": haircut.pk})
        post(at_till, "park")

    park_one(regular)
    with_one = statements(lambda: at_till.get("/sales/till/"))
    for n in range(4):
        park_one(make_customer(first_name=f"Kundin {n}", last_name="Berg"))
    assert statements(lambda: at_till.get("/sales/till/")) == with_one
    page = at_till.get("/sales/till/").text
    assert page.count("€51.00") == 1 and "Berg, Kundin 3" in page  # five parked receipts, each with its total
