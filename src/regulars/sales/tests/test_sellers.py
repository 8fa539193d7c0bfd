"""Invoices and receipts that never change (GoBD): the seller's data of the day of booking, what each country's
invoices must name before a shop books, and one VAT breakdown for every document (seen: after renaming the shop,
an old invoice showed the new name)."""

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from regulars.core.forms import ShopForm
from regulars.sales.fiscal import verify
from regulars.sales.models import Seller
from regulars.sales.printing import receipt_lines
from regulars.sales.services import BookingError, LineInput, PaymentInput, book_receipt
from regulars.sales.tests.fixtures import invoice_pdf_of, pdf_text


def sell(till, staff, *lines, customer=None, paid=10000):
    return book_receipt(till=till, staff=staff, customer=customer, lines=list(lines),
                        payments=[PaymentInput("cash", paid)])  # fmt: skip


def test_an_old_invoice_shows_the_sellers_data_of_its_day(shop_de, till, jana, haircut):
    # given a receipt booked in the shop as it was
    shop_de.tax_number, shop_de.iban = "21/815/08150", "DE89 3704 0044 0532 0130 00"
    shop_de.save()
    old = sell(till, jana, LineInput(service=haircut))
    # when the shop is renamed, moves and changes its bank
    shop_de.name, shop_de.street, shop_de.iban = "Haarstudio Köln", "Ringstraße 9", "DE02 1203 0000 0000 2020 51"
    shop_de.save()
    new = sell(till, jana, LineInput(service=haircut))
    # then the old invoice and its reprint show the data of its day, the new one the new data
    old_text, new_text = pdf_text(invoice_pdf_of(old)), pdf_text(invoice_pdf_of(new))
    assert "Salon Sonnenschein" in old_text and "Domstraße 5" in old_text and "DE89 3704" in old_text
    assert "Haarstudio Köln" not in old_text and "Ringstraße" not in old_text
    assert "Haarstudio Köln" in new_text and "DE02 1203" in new_text
    printed = "\n".join(receipt_lines(old))
    assert "Salon Sonnenschein" in printed and "21/815/08150" in printed
    assert Seller.objects.count() == 2 and verify().breaks == []


def test_a_copy_is_shared_while_the_shops_data_stays_the_same(till, jana, haircut):
    first, second = sell(till, jana, LineInput(service=haircut)), sell(till, jana, LineInput(service=haircut))
    assert first.seller_id == second.seller_id and Seller.objects.count() == 1


@pytest.mark.parametrize(
    ("country", "data", "missing"),
    [
        ("DE", {"vat_id": "", "tax_number": ""}, "die Steuernummer oder die USt-IdNr. (§14 Abs. 4 UStG)"),
        ("DE", {"street": ""}, "Straße"),
        ("NL", {"kvk_number": ""}, "die KvK-Nummer"),
        ("NL", {"vat_id": ""}, "die btw-Identifikationsnummer (Art. 35a Wet OB)"),
    ],
)
def test_a_shop_books_only_with_what_its_countrys_invoices_require(
    request, country, data, missing, jana, sanne, haircut, knippen, till, kassa
):
    till, staff, service = (till, jana, haircut) if country == "DE" else (kassa, sanne, knippen)
    for name, value in data.items():
        setattr(till.shop, name, value)
    till.shop.save()
    with pytest.raises(BookingError, match="kann noch keine Belege buchen") as refused:
        sell(till, staff, LineInput(service=service))
    assert missing in refused.value.message and refused.value.field == "till"
    assert not till.receipts.exists()


def test_a_german_shop_may_book_with_the_steuernummer_alone(shop_de, till, jana, haircut):
    shop_de.vat_id, shop_de.tax_number = "", "21/815/08150"
    shop_de.save()
    assert sell(till, jana, LineInput(service=haircut)).seller.tax_number == "21/815/08150"


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("tax_number", "21/815", "is not a valid Steuernummer"),
        ("vat_id", "DE136695977", "is not a valid VAT ID"),
        ("vat_id", "NL004495445B01", "is no VAT ID of DE"),
        ("iban", "DE89 3704 0044 0532 0130 01", "is not a valid IBAN"),
        ("bic", "COBA1EFF", "is not a valid BIC"),
        ("kvk_number", "1234", "is not a KvK number"),
    ],
)
def test_the_shops_numbers_are_checked(field, value, error, db):
    data = {"name": "Salon", "country": "DE", "language": "de", "currency": "EUR", field: value}
    with translation.override("en"):
        form = ShopForm(data)
        assert not form.is_valid() and error in " ".join(form.errors[field])


def test_the_shops_numbers_are_kept_in_their_usual_form(db):
    form = ShopForm({"name": "Salon", "country": "DE", "language": "de", "currency": "EUR", "vat_id": "de 136695976",
                     "tax_number": "2181508150", "iban": "de89370400440532013000", "bic": "cobadeffxxx"})  # fmt: skip
    assert form.is_valid(), form.errors
    shop = form.save()
    assert (shop.vat_id, shop.tax_number, shop.iban, shop.bic) == (
        "DE136695976",
        "21/815/08150",
        "DE89 3704 0044 0532 0130 00",
        "COBADEFFXXX",
    )


@pytest.fixture
def five_cents(haircut):
    """A service of 5 cents: each line contains 1 cent of VAT (rounded), three of them together 2 cents."""
    haircut.price = 5
    haircut.save()
    return haircut


def test_the_vat_per_rate_is_computed_once_from_the_rates_total_on_every_document(till, jana, five_cents, cashier):
    # given three lines whose rounded VATs add up to 3 cents, while their total of 15 cents contains 2
    receipt = sell(till, jana, *[LineInput(service=five_cents)] * 3)
    assert sum(line.vat for line in receipt.lines.all()) == 3
    # then the printed receipt, the A4 invoice and the API all say 0.02
    printed = "\n".join(receipt_lines(receipt))
    vat_row = next(row for row in printed.splitlines() if row.startswith("19 %"))
    assert vat_row.split() == ["19", "%", "0,13", "0,02", "0,15"]
    invoice = pdf_text(invoice_pdf_of(receipt))
    assert "0,02 €" in invoice and "0,03 €" not in invoice
    api = APIClient()
    api.force_authenticate(cashier)
    body = api.get(f"/api/v1/receipts/{receipt.pk}/").json()
    assert body["vat"] == [{"rate": 1900, "net": "0.13", "vat": "0.02", "gross": "0.15"}]


def test_the_receipt_list_names_the_shop_and_the_customer(cashier_client, till, jana, haircut, regular):
    sell(till, jana, LineInput(service=haircut), customer=regular)
    text = pdf_text(cashier_client.get(f"/sales/customers/{regular.pk}/receipts.pdf").content)
    assert text.count("Sonnenschein") >= 2  # who hands the list out, and the shop of the receipt
    assert "Domstraße 5" in text and "Käthe Müller" in text and "Hauptstraße 1" in text and regular.number in text
