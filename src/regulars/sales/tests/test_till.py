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
    assert 'data-testid="booked"' in post(at_till, "pay", {"cash": "20"}).text
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
    assert 'data-testid="change">€9.00<' in paid.text
    receipt = Receipt.objects.get()
    assert (receipt.customer, receipt.total, receipt.change) == (regular, 5100, 900)


def test_bad_input_at_the_till_is_explained_and_nothing_booked(at_till, shampoo):
    assert "No article found for “0000000000000”" in post(at_till, "add", {"code": "0000000000000"}).text
    post(at_till, "add", {"code": shampoo.ean})
    short = post(at_till, "pay", {"cash": "5", "card": "2,50"}).text
    assert "€5.00 are missing: the total is €12.50, €7.50 are paid." in short
    assert 'value="5"' in short and 'value="2,50"' in short  # what was typed stays
    wrong = post(at_till, "pay", {"cash": "zwölf"}).text
    assert "is not an amount" in wrong and 'value="zwölf"' in wrong
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


def test_exact_cash_and_the_rest_by_card_are_one_touch_each(at_till, shampoo, haircut):
    post(at_till, "add", {"code": shampoo.ean})
    exact = post(at_till, "pay", {"cash": "", "mode": "exact"}).text
    assert 'data-testid="change">€0.00<' in exact
    post(at_till, "add", {"service": haircut.pk})
    post(at_till, "pay", {"cash": "20", "mode": "rest_card"})
    first, second = Receipt.objects.order_by("number")
    assert [(p.method, p.amount) for p in first.payments.all()] == [("cash", 1250)]
    assert sorted((p.method, p.amount) for p in second.payments.all()) == [("card", 2500), ("cash", 2000)]


def test_a_quantity_is_changed_in_the_cart_within_its_range(at_till, shampoo):
    post(at_till, "add", {"code": shampoo.ean})
    assert "€25.00" in post(at_till, "line/0/quantity", {"step": "1"}).text
    assert "€50.00" in post(at_till, "line/0/quantity", {"quantity": "4"}).text
    for bad in ("0", "1000000000", "abc", "9" * 4300):
        assert "must be a whole number from 1 to 9999" in post(at_till, "line/0/quantity", {"quantity": bad}).text
    assert "€12.50" in post(at_till, "line/0/quantity", {"quantity": "1"}).text
    assert "must be a whole number" in post(at_till, "line/0/quantity", {"step": "-1"}).text  # never below 1


def test_a_manager_changes_a_price_and_gives_a_discount_with_a_reason(client, manager, till, shop_de, shampoo):
    from regulars.core.models import StaffMember

    StaffMember.objects.create(name="Mehmet Öztürk", shop=shop_de, user=manager)
    client.force_login(manager)
    post(client, "add", {"code": shampoo.ean})
    assert "give the reason" in post(client, "line/0/price", {"unit_price": "10"}).text
    cart = post(client, "line/0/price", {"unit_price": "10", "discount": "1", "reason": "Ausstellungsstück"}).text
    assert "€9.00" in cart and "€12.50" in cart  # the new total, the list price struck through
    post(client, "pay", {"mode": "exact"})
    line = Receipt.objects.get().lines.get()
    assert (line.unit_price, line.list_price, line.discount) == (1000, 1250, 100)
    assert (line.discount_name, line.override_reason) == ("Ausstellungsstück", "Ausstellungsstück")


def test_a_cashier_cannot_change_a_price(at_till, shampoo):
    post(at_till, "add", {"code": shampoo.ean})
    refused = post(at_till, "line/0/price", {"unit_price": "1", "reason": "Freundin"}).text
    assert "Only a manager may change a price" in refused and "€12.50" in refused
    assert 'name="unit_price"' not in refused  # the tools are not offered to a cashier


def test_c9_the_responsible_staff_member_is_who_did_the_service_and_can_be_changed(
    at_till, regular, haircut, shampoo, jana, mehmet
):
    # given Mehmet performs the haircut while Jana is at the till
    post(at_till, "customer", {"customer": regular.pk})
    cart = post(at_till, "add", {"service": haircut.pk, "service_staff": mehmet.pk}).text
    assert f'<option value="{mehmet.pk}" selected>Mehmet Öztürk</option>' in cart
    post(at_till, "pay", {"mode": "exact"})
    regular.refresh_from_db()
    assert Receipt.objects.get().staff == mehmet and regular.regular_staff == mehmet
    # when the cashier makes herself responsible for the next receipt
    post(at_till, "customer", {"customer": regular.pk})
    post(at_till, "add", {"service": haircut.pk, "service_staff": mehmet.pk})
    post(at_till, "settings", {"responsible": jana.pk})
    post(at_till, "pay", {"mode": "exact"})
    regular.refresh_from_db()
    assert Receipt.objects.order_by("-number").first().staff == jana and regular.regular_staff == jana


def test_the_service_buttons_show_their_prices(at_till, haircut):
    page = at_till.get("/sales/till/").content.decode()
    assert 'class="service-price">€45.00<' in page
