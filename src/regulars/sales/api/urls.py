from django.urls import path
from rest_framework.routers import SimpleRouter

from .documents import InvoicePdfView
from .receipts import CustomerReceiptsView, ReceiptViewSet
from .views import TillViewSet

router = SimpleRouter()
router.register("tills", TillViewSet)
router.register("receipts", ReceiptViewSet)
urlpatterns = [
    *router.urls,
    path("receipts/<int:pk>/invoice.pdf", InvoicePdfView.as_view(), name="receipt-invoice"),
    path("customers/<int:pk>/receipts/", CustomerReceiptsView.as_view(), name="customer-receipts"),
]
