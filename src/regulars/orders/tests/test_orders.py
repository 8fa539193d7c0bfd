"""The customer's orders (O1): taken from the customer page, listed in the orders panel, edited."""

from regulars.orders.models import Order


def test_o1_an_order_is_taken_listed_and_finished(cashier_client, make_customer):
    customer = make_customer()
    data = {
        "status": "open", "notes": "Abholung nächste Woche",
        "lines-TOTAL_FORMS": "2", "lines-INITIAL_FORMS": "0",
        "lines-0-description": "Haarfarbe Koleston 7/1", "lines-0-quantity": "2", "lines-0-price": "12,90",
        "lines-1-description": "", "lines-1-quantity": "1",
    }  # fmt: skip
    assert cashier_client.post(f"/orders/new/{customer.pk}/", data).status_code == 302
    order = Order.objects.get()
    assert order.number == "A1001"
    assert [(line.description, line.quantity, line.price) for line in order.lines.all()] == [
        ("Haarfarbe Koleston 7/1", 2, 1290)
    ]
    page = cashier_client.get(customer.get_absolute_url()).text
    assert "A1001" in page and "Koleston" in page and f"/orders/{order.pk}/" in page
    finished = {**data, "status": "finished"}
    assert cashier_client.post(f"/orders/{order.pk}/", finished).status_code == 302
    order.refresh_from_db()
    assert order.status == "finished" and order.lines.count() == 1


def test_o1_bad_order_lines_are_named(cashier_client, make_customer):
    customer = make_customer()
    data = {"status": "open", "lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0",
            "lines-0-description": "Spray", "lines-0-quantity": "0", "lines-0-price": "x"}  # fmt: skip
    response = cashier_client.post(f"/orders/new/{customer.pk}/", data)
    assert response.status_code == 400
    assert set(response.context["lines"].forms[0].errors) == {"quantity", "price"}
    assert not Order.objects.exists()


def test_o1_orders_need_a_login(client, make_customer):
    assert client.get(f"/orders/new/{make_customer().pk}/").status_code == 302


def test_o1_the_order_form_offers_a_row_for_one_more_line(cashier_client, make_customer):
    page = cashier_client.get(f"/orders/new/{make_customer().pk}/").text
    assert 'data-add-row="lines"' in page and "+ line" in page
    assert 'data-formset-template="lines"' in page  # the empty row the button copies
