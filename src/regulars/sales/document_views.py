"""Downloads of the till side's documents: the customer's receipt list and a receipt's A4 invoice (R4, R6)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.utils.text import get_valid_filename
from django.views import View

from regulars.core.views.mixins import RoleRequiredMixin
from regulars.customers.models import Customer

from .documents import invoice_filename, invoice_pdf, receipt_list_pdf
from .models import Receipt, ReceiptKind


def pdf_response(content: bytes, filename: str, inline: bool = False) -> HttpResponse:
    """A PDF download; the name keeps safe characters only and the header is built by Django, so nothing of a
    customer number can break out of it."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(not inline, get_valid_filename(filename))
    return response


class ReceiptListPdfView(RoleRequiredMixin, View):
    """The customer's receipts as a PDF in the user's language (R4)."""

    def get(self, request, pk):
        customer = get_object_or_404(Customer, pk=pk)
        content = receipt_list_pdf(customer, request.user.effective_language, shop=request.user.shop)
        return pdf_response(content, f"receipts-{customer.number}.pdf")


class InvoicePdfView(RoleRequiredMixin, View):
    """A receipt's A4 invoice in the shop's language (R6 "Druck A4")."""

    def get(self, request, pk):
        receipt = get_object_or_404(Receipt.objects.exclude(kind=ReceiptKind.ABORTED), pk=pk)
        return pdf_response(invoice_pdf(receipt), invoice_filename(receipt), inline=True)
