from django.urls import path
from rest_framework.routers import SimpleRouter

from .receipts import CustomerReceiptsView, ReceiptViewSet
from .views import TillViewSet

router = SimpleRouter()
router.register("tills", TillViewSet)
router.register("receipts", ReceiptViewSet)
urlpatterns = [
    *router.urls,
    path("customers/<int:pk>/receipts/", CustomerReceiptsView.as_view(), name="customer-receipts"),
]
