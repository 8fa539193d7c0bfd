"""Pages of the till side: the tills (administrators), the customer's receipts."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views import View

from regulars.core.roles import Role
from regulars.core.views.generic import crud_urls
from regulars.core.views.mixins import RoleRequiredMixin
from regulars.customers.models import Customer

from . import till, till_lines, till_pay
from .document_views import InvoicePdfView, ReceiptListPdfView
from .filters import TillFilterSet
from .forms import TillForm
from .models import Receipt, Till
from .panels import receipts_context
from .printing import PrinterError, print_receipt
from .services import BookingError, cancel_receipt
from .tables import TillTable


class CustomerReceiptsView(RoleRequiredMixin, View):
    """A page of the customer's receipts, for the panel's pagination."""

    def get(self, request, pk):
        customer = get_object_or_404(Customer, pk=pk)
        context = receipts_context(request, customer, request.GET.get("page"))
        return render(request, "sales/_customer_receipts.html", context)


class ReceiptPrintView(RoleRequiredMixin, View):
    """Reprint a receipt on its till's printer (R6); answers a short message for the receipts panel."""

    def post(self, request, pk):
        receipt = get_object_or_404(Receipt.objects.select_related("till__shop", "staff", "seller", "cancels"), pk=pk)
        try:
            print_receipt(receipt=receipt, user=request.user)
        except PrinterError as error:
            return HttpResponse(format_html('<span class="print-result error" role="alert">{}</span>', error))
        message = _("Printed on %(till)s.") % {"till": receipt.till.name}
        return HttpResponse(format_html('<span class="print-result" role="status">{}</span>', message))


class ReceiptCancelView(RoleRequiredMixin, View):
    """Cancel a sale from the customer's receipts (S3); answers the panel with the cancellation in it."""

    def post(self, request, pk):
        receipt = get_object_or_404(Receipt, pk=pk)
        error = ""
        try:
            cancel_receipt(receipt=receipt, user=request.user)
        except BookingError as refused:
            error = refused.message
        customer_id = request.POST.get("customer", "")
        customer = get_object_or_404(Customer, pk=customer_id if customer_id.isdecimal() else receipt.customer_id)
        context = {**receipts_context(request, customer), "error": error}
        return render(request, "sales/_customer_receipts.html", context)


urlpatterns = [
    path("customers/<int:pk>/receipts/", CustomerReceiptsView.as_view(), name="customer_receipts"),
    path("receipts/<int:pk>/cancel/", ReceiptCancelView.as_view(), name="receipt_cancel"),
    path("receipts/<int:pk>/print/", ReceiptPrintView.as_view(), name="receipt_print"),
    path("customers/<int:pk>/receipts.pdf", ReceiptListPdfView.as_view(), name="customer_receipts_pdf"),
    path("receipts/<int:pk>/invoice.pdf", InvoicePdfView.as_view(), name="receipt_invoice_pdf"),
    path("till/", till.TillView.as_view(), name="till"),
    path("till/customers/", till.TillCustomerSearchView.as_view(), name="cart_customers"),
    path("till/customer/", till.TillCustomerView.as_view(), name="cart_customer"),
    path("till/add/", till_lines.TillAddView.as_view(), name="cart_add"),
    path("till/remove/<int:index>/", till_lines.TillRemoveView.as_view(), name="cart_remove"),
    path("till/line/<int:index>/quantity/", till_lines.TillQuantityView.as_view(), name="cart_quantity"),
    path("till/line/<int:index>/price/", till_lines.TillLineOverrideView.as_view(), name="cart_override"),
    path("till/settings/", till_pay.TillSettingsView.as_view(), name="cart_settings"),
    path("till/pay/", till_pay.TillPayView.as_view(), name="cart_pay"),
    path("till/clear/", till_pay.TillClearView.as_view(), name="cart_clear"),
    path("till/link/", till_pay.TillLinkView.as_view(), name="cart_link"),
] + crud_urls(
    prefix="tills", name="till", queryset=Till.objects.select_related("shop"), filterset_class=TillFilterSet,
    table_class=TillTable, form_class=TillForm, title=_("Tills"), add_title=_("New till"), required_role=Role.ADMIN,
)  # fmt: skip
