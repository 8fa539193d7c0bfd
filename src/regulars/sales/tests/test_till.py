"""The till page: customer by scan or search, popup remark, scanning, discounts, payment, abandoning (S1, S2, C6)."""

from regulars.audit.services import history_of
from regulars.customers.models import PopupMode
from regulars.sales.models import Receipt
from regulars.sales.tests.fixtures import post


def test_s1_c6_the_popup_for_the_next_visit_shows_until_the_sale_is_booked(at_till, regular, shampoo):
    # given a remark for the customer's next visit
    regular.popup_text = "Hat ihren Regenschirm vergessen"
    regular.popup_mode = PopupMode.NEXT_VISIT
    regular.save()
    # when the cashier scans the customer number, the remark shows, and still shows when chosen again
    first = post(at_till, "customer", {"number": regular.number})
    assert "Regenschirm" in first.text and "Müller" in first.text
    regular.refresh_from_db()
    assert regular.popup_mode == PopupMode.NEXT_VISIT  # not cleared before anyone confirmed and sold
    assert "Regenschirm" in post(at_till, "customer", {"number": regular.number}).text
    # then booking the sale clears it, protocolled
    post(at_till, "add", {"code": shampoo.ean})
    assert "data-testid=\"booked\"" in post(at_till, "pay", {"cash": "20"}).text
    regular.refresh_from_db()
    assert regular.popup_mode == PopupMode.OFF
    assert history_of(regular).filter(field="popup_mode", new_value="off").exists()
    assert "Regenschirm" not in post(at_till, "customer", {"number": regular.number}).text


def test_c6_an_always_popup_shows_every_time(at_till, regular):
    regular.popup_text, regular.popup_mode = "Allergie gegen Latex", PopupMode.ALWAYS
    regular.save()
    for _ in range(2):
        assert "Latex" in post(at_till, "customer", {"customer": regular.pk}).text


def test_s2_c7_scan_add_service_see_discounts_and_pay_with_change(at_till, regular, shampoo, haircut):
    post(at_till, "customer", {"customer": regular.pk})
    post(at_till, "add", {"code": shampoo.ean})
    cart = post(at_till, "add", {"service": haircut.pk}).text
    assert "Stammkunde" in cart and "−€4.50" in cart and "−€2.00" in cart
    assert "€51.00" in cart  # 40.50 + 10.50
    paid = post(at_till, "pay", {"cash": "60"})
    assert "Change: €9.00" in paid.text
    receipt = Receipt.objects.get()
    assert (receipt.customer, receipt.total, receipt.change) == (regular, 5100, 900)


def test_bad_input_at_the_till_is_explained_and_nothing_booked(at_till, shampoo):
    assert "No article found for “0000000000000”" in post(at_till, "add", {"code": "0000000000000"}).text
    post(at_till, "add", {"code": shampoo.ean})
    assert "fall short" in post(at_till, "pay", {"cash": "5"}).text
    assert "like 12,50" in post(at_till, "pay", {"cash": "zwölf"}).text
    assert not Receipt.objects.exists()


def test_an_inactive_customer_cannot_be_chosen(at_till, regular):
    regular.active = False
    regular.save()
    assert "inactive" in post(at_till, "customer", {"number": regular.number}).text


def test_r2_an_abandoned_cart_is_recorded_as_aborted(at_till, shampoo):
    post(at_till, "add", {"code": shampoo.ean})
    at_till.post("/sales/till/clear/")
    receipt = Receipt.objects.get()
    assert (receipt.kind, receipt.number, receipt.total) == ("aborted", 1, 1250)
    assert not receipt.payments.exists()


def test_s1_typing_or_scanning_the_number_into_the_customer_field_chooses_the_customer(at_till, regular):
    assert "Müller" in post(at_till, "customer", {"customer_q": regular.number}).text


def test_r9_a_receipt_without_customer_is_linked_afterwards_once(at_till, till, jana, regular, shampoo, api):
    from regulars.sales.services import LineInput, PaymentInput, book_receipt

    receipt = book_receipt(
        till=till, staff=jana, lines=[LineInput(article=shampoo)], payments=[PaymentInput("card", 1250)]
    )
    post(at_till, "customer", {"customer": regular.pk})
    linked = post(at_till, "link", {"receipt": str(receipt.number)})
    assert "now belongs to" in linked.text
    assert history_of(regular).filter(field="linked_receipt", new_value__label="Kasse 1 #1").exists()
    assert [r["number"] for r in api.get(f"/api/v1/customers/{regular.pk}/receipts/").json()["results"]] == [1]
    assert "belongs to a customer already" in post(at_till, "link", {"receipt": str(receipt.number)}).text
    assert api.post(f"/api/v1/receipts/{receipt.pk}/link/", {"customer": regular.pk}, format="json").status_code == 400
