"""Booking receipts at the till: discounts, change, numbering, regular staff, cancellation (S2-S4, C7, C9)."""

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection
from django.utils import translation

from regulars.catalog.models import Discount
from regulars.core.models import NumberSequence
from regulars.customers.models import Customer
from regulars.customers.search import search
from regulars.sales.models import AppendOnlyError, Receipt
from regulars.sales.services import (
    BookingError,
    LineInput,
    PaymentInput,
    book_receipt,
    cancel_receipt,
    receipt_status,
)


def sell(till, staff, *lines, customer=None, paid=10000, method="cash"):
    return book_receipt(
        till=till, staff=staff, customer=customer, lines=list(lines), payments=[PaymentInput(method, paid)]
    )


def test_s2_c7_the_customers_discounts_apply_and_change_is_given(till, jana, regular, shampoo, haircut):
    receipt = sell(till, jana, LineInput(service=haircut), LineInput(article=shampoo, quantity=2), customer=regular)
    service, article = receipt.lines.all()
    assert (service.total, service.discount, service.discount_name) == (4050, 450, "Stammkunde")
    assert (article.total, article.discount) == (2300, 200)
    assert (receipt.total, receipt.change) == (6350, 3650)
    assert article.vat == 367  # 19 % contained in 23.00
    assert (receipt.customer_name, receipt.customer_address) == ("Käthe Müller", "Hauptstraße 1\n50667 Köln")


def test_receipts_are_numbered_per_till_without_gaps(till, second_till, jana, haircut):
    numbers = [sell(t, jana, LineInput(service=haircut)).number for t in (till, till, second_till, till)]
    assert numbers == [1, 2, 1, 3]


def test_a_failed_booking_leaves_no_number_and_no_receipt(till, jana, haircut):
    with pytest.raises(BookingError):
        sell(till, jana, LineInput(service=haircut), paid=100)
    assert not Receipt.objects.exists()
    assert sell(till, jana, LineInput(service=haircut)).number == 1


def test_c9_booking_makes_the_staff_member_the_regular_one(till, jana, mehmet, regular, haircut):
    sell(till, mehmet, LineInput(service=haircut), customer=regular)
    regular.refresh_from_db()
    assert regular.regular_staff == mehmet
    assert regular.protocol.filter(field="regular_staff", new_value="Mehmet Öztürk").exists()
    assert list(search(Customer.objects.all(), "Muller Kathe")) == [regular]  # still found after the change


def test_c9_a_booking_that_fails_while_writing_leaves_the_regular_staff_member(till, jana, mehmet, regular, haircut):
    # given a till whose number series was set back behind the application's back: the next number is taken
    sell(till, jana, LineInput(service=haircut), customer=regular)
    NumberSequence.objects.filter(name=f"receipt-till-{till.pk}").update(next_value=1)
    # when another staff member books for the customer, the regular staff member is written first, then the receipt
    with pytest.raises(IntegrityError):
        sell(till, mehmet, LineInput(service=haircut), customer=regular)
    # then nothing of it is kept: not the regular staff member, not its protocol entry
    regular.refresh_from_db()
    assert regular.regular_staff == jana
    assert not regular.protocol.filter(field="regular_staff", new_value="Mehmet Öztürk").exists()
    assert Receipt.objects.count() == 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"paid": 100}, "payments"), ({"paid": 9000, "method": "card"}, "payments")],
)
def test_payments_must_cover_the_total_and_only_cash_gives_change(till, jana, haircut, kwargs, field):
    with pytest.raises(BookingError) as refused:
        sell(till, jana, LineInput(service=haircut), **kwargs)
    assert refused.value.field == field


def test_an_inactive_customer_cannot_be_booked(till, jana, regular, haircut):
    regular.active = False
    regular.save()
    with pytest.raises(BookingError) as refused:
        sell(till, jana, LineInput(service=haircut), customer=regular)
    assert refused.value.field == "customer"
    assert not Receipt.objects.exists()


def test_s3_a_cancellation_reverses_and_names_the_original(till, jana, regular, shampoo):
    original = sell(till, jana, LineInput(article=shampoo), customer=regular, paid=2000)
    cancellation = cancel_receipt(receipt=original, staff=jana)
    original.refresh_from_db()
    assert (cancellation.number, cancellation.cancels, cancellation.total) == (2, original, -1050)
    assert [(p.method, p.amount) for p in cancellation.payments.all()] == [("cash", -1050)]
    assert receipt_status(Receipt.objects.get(pk=original.pk)) == "cancelled"
    assert receipt_status(cancellation) == "cancellation"
    with pytest.raises(BookingError):
        cancel_receipt(receipt=original, staff=jana)


def test_receipts_cannot_be_changed_or_deleted(till, jana, haircut):
    receipt = sell(till, jana, LineInput(service=haircut))
    receipt.total = 1
    with pytest.raises(AppendOnlyError):
        receipt.save()
    with pytest.raises(AppendOnlyError):
        receipt.delete()
    with pytest.raises(AppendOnlyError):
        Receipt.objects.filter(pk=receipt.pk).update(total=1)
    with pytest.raises(AppendOnlyError):
        receipt.lines.all().delete()
    assert Receipt.objects.get(pk=receipt.pk).total == 4500


def test_verify_receipts_names_a_receipt_altered_behind_the_applications_back(till, jana, haircut, capsys):
    receipts = [sell(till, jana, LineInput(service=haircut)) for _ in range(3)]
    with translation.override("en"):  # the installation's language, here English
        call_command("verify-receipts")
    assert "All 3 receipts are intact" in capsys.readouterr().out
    with connection.cursor() as cursor:  # as someone with the sqlite3 shell or psql would
        cursor.execute("UPDATE sales_receipt SET total = 100 WHERE id = %s", [receipts[1].pk])
    with pytest.raises(CommandError), translation.override("en"):
        call_command("verify-receipts")
    assert "receipt 2: content changed" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("tampering", "named"),
    [
        ("UPDATE sales_receiptline SET total = 1 WHERE receipt_id = {id}", "receipt 4: content changed"),
        ("UPDATE sales_payment SET method = 'card' WHERE receipt_id = {id}", "receipt 4: content changed"),
        ("DELETE FROM sales_receiptline WHERE receipt_id = {id}", "receipt 4: content changed"),
        ("UPDATE sales_receipt SET previous_hash = 'x' WHERE id = {id}", "receipt 4: previous hash differs"),
    ],
)
def test_verify_receipts_reads_lines_and_payments_across_chunks(
    till, jana, haircut, monkeypatch, capsys, tampering, named
):
    from regulars.sales import fiscal

    monkeypatch.setattr(fiscal, "CHUNK", 3)  # receipts 1-3, 4-6, 7: the chain runs across the chunks
    receipts = [sell(till, jana, LineInput(service=haircut)) for _ in range(7)]
    assert fiscal.verify_chains() == []
    with connection.cursor() as cursor:
        cursor.execute(tampering.format(id=receipts[3].pk))
    with pytest.raises(CommandError), translation.override("en"):
        call_command("verify-receipts")
    assert named in capsys.readouterr().err


def test_r1_r3_the_customer_page_shows_receipts_revenue_and_voids_in_red(
    till, jana, regular, shampoo, haircut, make_customer, client, cashier
):
    # given a receipt of the customer, a cancelled one and a line booked to the customer on someone else's receipt
    sell(till, jana, LineInput(service=haircut), LineInput(article=shampoo), customer=regular)
    cancel_receipt(receipt=sell(till, jana, LineInput(article=shampoo), customer=regular), staff=jana)
    sell(till, jana, LineInput(service=haircut, customer=regular), customer=make_customer(first_name="Lea"))
    client.force_login(cashier)
    # when the cashier opens the customer
    page = client.get(f"/customers/{regular.pk}/").text
    # then all four receipts are listed, newest first, the voided ones marked, with the revenue split
    numbers = [int(part.split('"')[0]) for part in page.split('data-receipt="')[1:]]
    assert numbers == [4, 3, 2, 1]
    assert page.count("receipt-void") == 2
    assert "€81.00" in page  # services: 40.50 + 40.50
    assert "€10.50" in page  # articles: 12.50 - 2.00 discount (+10.50 -10.50 cancelled)


@pytest.mark.parametrize("treatment", ["net", "exempt"])
def test_c10_a_net_invoice_or_vat_exempt_customer_pays_the_net_price(till, jana, make_customer, haircut, treatment):
    # given a 45,00 € service at 19 % and a customer with 10 % off services
    customer = make_customer(
        company="Groß GmbH", vat_treatment=treatment,
        service_discount=Discount.objects.create(name="B2B", applies_to="services", kind="percent", percent=1000),
    )  # fmt: skip
    # when
    receipt = sell(till, jana, LineInput(service=haircut), customer=customer, paid=3404)
    # then: 45,00 / 1,19 = 37,82 net, less 10 % = 34,04, and no VAT
    line = receipt.lines.get()
    assert (line.unit_price, line.discount, line.total, line.vat_rate, line.vat) == (3782, 378, 3404, 0, 0)
    assert (receipt.total, receipt.change, receipt.vat_treatment) == (3404, 0, treatment)


def test_c10_a_customer_without_deviation_pays_the_gross_price(till, jana, regular, haircut):
    receipt = sell(till, jana, LineInput(service=haircut), customer=regular, paid=4050)
    line = receipt.lines.get()
    assert (line.unit_price, line.total, line.vat_rate, line.vat) == (4500, 4050, 1900, 647)
