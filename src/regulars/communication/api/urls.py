from django.urls import path

from .views import ReceiptEmailView

urlpatterns = [
    path("receipts/<int:pk>/email/", ReceiptEmailView.as_view(), name="receipt-email"),
]
