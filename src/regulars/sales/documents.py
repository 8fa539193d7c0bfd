"""Printable documents of receipts: the customer's receipt list (R4) and the A4 invoice of one receipt (R6)."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Receipt
from .panels import customer_receipts, revenue
from .sellers import seller_of
from .services import receipt_status
from .vat import net_unit_price, vat_sums


def _pdf(template: str, context: dict, language: str) -> bytes:
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(template, context)
    return HTML(string=html).write_pdf()


def invoice_number(receipt: Receipt) -> str:
    """Unique per installation: the till's id and the receipt's number within the till."""
    return f"{receipt.till_id}-{receipt.number:06d}"


def vat_note(receipt: Receipt) -> str:
    """The note a deviating VAT treatment requires on the invoice (§14a UStG, art. 35a Wet OB)."""
    if receipt.vat_treatment == "net":
        return _(
            "Reverse charge: the recipient of the supply is liable for the VAT "
            "(Steuerschuldnerschaft des Leistungsempfängers / btw verlegd)."
        )
    if receipt.vat_treatment == "exempt":
        return _("This supply is exempt from VAT.")
    return ""


def invoice_language(receipt: Receipt) -> str:
    return receipt.till.shop.language


def invoice_pdf(receipt: Receipt) -> bytes:
    """The A4 invoice of a receipt with everything §14 UStG and the Dutch invoice rules ask for."""
    receipt = (
        Receipt.objects.select_related("till__shop", "staff", "seller", "cancels__till")
        .prefetch_related("lines", "payments")
        .get(pk=receipt.pk)
    )
    lines = list(receipt.lines.all())
    sums = vat_sums(lines)
    seller = seller_of(receipt)
    context = {
        "receipt": receipt,
        "seller": seller,
        "number": invoice_number(receipt),
        "cancels_number": invoice_number(receipt.cancels) if receipt.cancels_id else "",
        "address_lines": [line for line in receipt.customer_address.splitlines() if line.strip()],
        "lines": [(line, net_unit_price(line)) for line in lines],
        "net_prices": str(seller.country) == "NL",  # the Netherlands: unit prices without VAT (art. 35a Wet OB)
        "vat_sums": sums,
        "net_total": sum(s.net for s in sums),
        "vat_total": sum(s.vat for s in sums),
        "payments": receipt.payments.all(),
        "vat_note": vat_note(receipt),
    }
    return _pdf("sales/pdf/invoice.html", context, invoice_language(receipt))


def invoice_filename(receipt: Receipt) -> str:
    return f"invoice-{invoice_number(receipt)}.pdf"


def receipt_list_pdf(customer, language: str, shop=None) -> bytes:
    """The customer's receipts, newest first, with their shop, status and the revenue so far (R4); `shop` is the
    shop that hands the list out (the user's), named at the top."""
    receipts = list(customer_receipts(customer).select_related("till__shop", "seller"))
    rows = [
        (receipt, receipt_status(receipt), seller_of(receipt).name, sum(s.vat for s in vat_sums(receipt.lines.all())))
        for receipt in receipts
    ]
    place = f"{customer.postcode} {customer.city}".strip()
    address = [part for part in (customer.street, customer.address_extra, place) if part]
    context = {"customer": customer, "address": address, "shop": shop, "rows": rows, "revenue": revenue(customer)}
    return _pdf("sales/pdf/receipt_list.html", context, language)
