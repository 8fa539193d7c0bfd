"""A line booked to another customer than the receipt's (R1): chosen at the till, priced with their discount."""

from regulars.sales.models import Receipt
from regulars.sales.panels import customer_receipts
from regulars.sales.tests.fixtures import post


def test_r1_a_line_for_another_customer_gets_their_discount_and_is_in_their_receipts(
    at_till, make_customer, regular, shampoo
):
    # given a receipt for a customer without discounts, with one article
    mother = make_customer(first_name="Petra", last_name="Schmitz")
    post(at_till, "customer", {"customer": mother.pk})
    post(at_till, "add", {"code": shampoo.ean})
    # when the line is booked to the regular customer
    cart = post(at_till, "line/0/customer", {"customer": regular.pk}).text
    # then it shows her name and her 2 € off articles
    assert f"for Müller, Käthe ({regular.number})" in cart and "−€2.00" in cart and "Zwei Euro" in cart
    assert "€10.50" in cart
    post(at_till, "pay", {"card": "10,50"})
    receipt = Receipt.objects.get()
    assert (receipt.customer, receipt.total) == (mother, 1050)
    assert receipt.lines.get().customer == regular
    assert list(customer_receipts(regular)) == [receipt]
    assert "Kasse 1 #1" in at_till.get(f"/sales/customers/{regular.pk}/receipts/").text


def test_r1_the_line_goes_back_to_the_receipts_customer(at_till, regular, shampoo):
    post(at_till, "add", {"code": shampoo.ean})
    post(at_till, "line/0/customer", {"customer_q": regular.number})  # typed or scanned number
    cart = post(at_till, "line/0/customer", {"customer": ""}).text
    assert "Müller, Käthe" not in cart and "−€2.00" not in cart and "€12.50" in cart


def test_r1_an_inactive_customer_is_refused_for_a_line(at_till, regular, shampoo):
    post(at_till, "add", {"code": shampoo.ean})
    regular.active = False
    regular.save()
    cart = post(at_till, "line/0/customer", {"customer": regular.pk}).text
    assert "Customer Müller, Käthe is inactive." in cart
    assert at_till.session["till_cart"]["lines"][0].get("customer") is None


def test_r1_the_till_customer_search_picks_for_a_line_when_asked(at_till, regular):
    for_line = at_till.get("/sales/till/customers/", {"customer_q": "müller", "line": "0"}).text
    assert 'hx-post="/sales/till/line/0/customer/"' in for_line and "Müller, Käthe" in for_line
    for_receipt = at_till.get("/sales/till/customers/", {"customer_q": "müller"}).text
    assert 'hx-post="/sales/till/customer/"' in for_receipt
