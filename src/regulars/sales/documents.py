"""Printable documents of receipts: the customer's receipt list (R4) and the A4 invoice of one receipt (R6)."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Receipt
from .panels import customer_receipts, revenue
from .services import receipt_status


@dataclass(frozen=True)
class VatSum:
    """Net, VAT and gross of the lines at one rate."""

    rate: int
    net: int
    vat: int
    gross: int


def _pdf(template: str, context: dict, language: str) -> bytes:
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(template, context)
    return HTML(string=html).write_pdf()


def vat_sums(receipt: Receipt) -> list[VatSum]:
    """The receipt's lines summed per VAT rate, highest rate first."""
    sums: dict[int, list[int]] = {}
    for line in receipt.lines.all():
        gross_vat = sums.setdefault(line.vat_rate, [0, 0])
        gross_vat[0] += line.total
        gross_vat[1] += line.vat
    return [VatSum(rate, gross - vat, vat, gross) for rate, (gross, vat) in sorted(sums.items(), reverse=True)]


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
        Receipt.objects.select_related("till__shop", "staff", "cancels__till")
        .prefetch_related("lines", "payments")
        .get(pk=receipt.pk)
    )
    context = {
        "receipt": receipt,
        "shop": receipt.till.shop,
        "number": invoice_number(receipt),
        "cancels_number": invoice_number(receipt.cancels) if receipt.cancels_id else "",
        "address_lines": [line for line in receipt.customer_address.splitlines() if line.strip()],
        "lines": receipt.lines.all(),
        "vat_sums": vat_sums(receipt),
        "net_total": sum(s.net for s in vat_sums(receipt)),
        "vat_total": sum(s.vat for s in vat_sums(receipt)),
        "payments": receipt.payments.all(),
        "vat_note": vat_note(receipt),
    }
    return _pdf("sales/pdf/invoice.html", context, invoice_language(receipt))


def invoice_filename(receipt: Receipt) -> str:
    return f"invoice-{invoice_number(receipt)}.pdf"


def receipt_list_pdf(customer, language: str) -> bytes:
    """The customer's receipts, newest first, with their status and the revenue so far (R4)."""
    receipts = list(customer_receipts(customer).select_related("till__shop"))
    rows = [(receipt, receipt_status(receipt)) for receipt in receipts]
    context = {"customer": customer, "rows": rows, "revenue": revenue(customer)}
    return _pdf("sales/pdf/receipt_list.html", context, language)
