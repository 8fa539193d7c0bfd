"""The receipt list and the A4 invoice as PDFs, read back with pdftotext (R4, R6)."""

import pytest
from django.utils import timezone

from regulars.sales.models import Receipt
from regulars.sales.services import LineInput, PaymentInput, book_receipt, cancel_receipt
from regulars.sales.tests.fixtures import invoice_pdf_of, pdf_text


@pytest.fixture
def seller(shop_de):
    shop_de.street, shop_de.postcode, shop_de.vat_id = "Domstraße 5", "50668", "DE123456789"
    shop_de.save()
    return shop_de


@pytest.fixture
def sale(seller, till, jana, regular, shampoo, haircut):
    lines = [LineInput(service=haircut), LineInput(article=shampoo, quantity=2)]
    return book_receipt(
        till=till, staff=jana, customer=regular, lines=lines, payments=[PaymentInput(method="cash", amount=7000)]
    )


def test_invoice_shows_what_the_law_asks_for(sale):
    # when
    content = invoice_pdf_of(sale)
    text = pdf_text(content)
    # then
    assert "DE123456789" in text and "Salon Sonnenschein" in text and "Domstraße 5" in text
    assert "Käthe Müller" in text and "Hauptstraße 1" in text and "50667 Köln" in text
    assert f"{sale.till_id}-000001" in text and "Rechnung" in text
    assert "Leistungsdatum" in text
    assert "19 %" in text
    assert "63,50 €" in text  # gross total
    assert "10,14 €" in text  # VAT 19 % of 63.50
    assert "53,36 €" in text  # net
    assert "Steuerschuldnerschaft" not in text


def test_net_invoice_customer_gets_the_reverse_charge_note(seller, till, jana, make_customer, haircut):
    customer = make_customer(
        first_name="Jürgen", last_name="Groß", company="Groß GmbH", vat_id="ATU12345678", vat_treatment="net"
    )
    receipt = book_receipt(
        till=till, staff=jana, customer=customer, lines=[LineInput(service=haircut)],
        payments=[PaymentInput(method="card", amount=3782)],
    )  # fmt: skip
    text = " ".join(pdf_text(invoice_pdf_of(receipt)).split())
    assert "Steuerschuldnerschaft des Leistungsempfängers" in text and "btw verlegd" in text
    assert "ATU12345678" in text and "Jürgen Groß" in text
    # C10: the 45,00 € service is charged net, 37,82 €, with no VAT on the invoice
    assert "37,82 €" in text and "45,00 €" not in text
    assert "0% 37,82 € 0,00 € 37,82 €" in text  # the VAT table: rate, net, VAT, gross


def test_dutch_shop_writes_a_dutch_invoice_with_unit_prices_without_vat(kassa, sanne, knippen):
    """Art. 35a (1) Wet OB: btw-id, KvK number (Handelsregisterbesluit art. 20) and the unit price excluding VAT."""
    receipt = book_receipt(till=kassa, staff=sanne, lines=[LineInput(service=knippen, quantity=2)], payments=[
        PaymentInput(method="card", amount=9000)])  # fmt: skip
    text = pdf_text(invoice_pdf_of(receipt))
    assert "Factuur" in text and "NL004495445B01" in text and "30123456" in text and "€ 90,00" in text
    assert "Prijs per stuk excl. btw" in text and "€ 41,28" in text  # 45,00 contains 3,72 at 9 %
    assert "9\u00a0%" in text or "9 %" in text  # the rate, as the language writes it


def test_receipt_list_shows_every_receipt_newest_first(cashier_client, sale, jana, regular, till, haircut):
    # given
    second = book_receipt(
        till=till, staff=jana, customer=regular, lines=[LineInput(service=haircut)],
        payments=[PaymentInput(method="card", amount=4050)],
    )  # fmt: skip
    cancel_receipt(receipt=second, staff=jana)
    # when
    response = cashier_client.get(f"/sales/customers/{regular.pk}/receipts.pdf")
    # then
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Käthe Müller" in text and regular.number in text
    numbers = [f"Kasse 1 #{n}" for n in (3, 2, 1)]
    assert all(n in text for n in numbers)
    assert text.index(numbers[0]) < text.index(numbers[1]) < text.index(numbers[2])
    assert "cancelled" in text  # the cashier's language is English
    assert "Revenue services" in text


def test_invoice_page_and_api(cashier_client, api, sale):
    page = cashier_client.get(f"/sales/receipts/{sale.pk}/invoice.pdf")
    assert page.status_code == 200 and page.content.startswith(b"%PDF")
    response = api.get(f"/api/v1/receipts/{sale.pk}/invoice.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "63,50 €" in pdf_text(response.content)
    assert api.get("/api/v1/receipts/999999/invoice.pdf").status_code == 404


def test_anonymous_gets_no_pdf(client, api, sale):
    assert client.get(f"/sales/receipts/{sale.pk}/invoice.pdf").status_code == 302
    assert client.get(f"/sales/customers/{sale.customer_id}/receipts.pdf").status_code == 302
    api.credentials()
    assert api.get(f"/api/v1/receipts/{sale.pk}/invoice.pdf").status_code in (401, 403)
    assert Receipt.objects.count() == 1


def test_an_aborted_receipt_is_no_invoice(cashier_client, api, till, jana):
    aborted = Receipt.objects.create(
        till=till, number=99, kind="aborted", staff=jana, total=0, hash="x" * 64, created_at=timezone.now()
    )
    assert cashier_client.get(f"/sales/receipts/{aborted.pk}/invoice.pdf").status_code == 404
    assert api.get(f"/api/v1/receipts/{aborted.pk}/invoice.pdf").status_code == 404
