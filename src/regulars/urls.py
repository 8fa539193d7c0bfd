"""Regulars' URLs: the backoffice pages, the REST API under /api/v1/ and its OpenAPI schema."""

from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView

from regulars.core.api.permissions import IsCashier

api_v1 = [
    path("", include("regulars.customers.api.urls")),
    path("", include("regulars.catalog.api.urls")),
    path("", include("regulars.sales.api.urls")),
    path("", include("regulars.communication.api.urls")),
    path("", include("regulars.core.api.urls")),
]

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="customers:list"), name="home"),
    path("", include("regulars.core.urls")),
    path("customers/", include("regulars.customers.urls")),
    path("catalog/", include("regulars.catalog.urls")),
    path("orders/", include("regulars.orders.urls")),
    path("sales/", include("regulars.sales.urls")),
    path("communication/", include("regulars.communication.urls")),
    path("protocol/", include("regulars.audit.urls")),
    path("api/schema/", SpectacularAPIView.as_view(permission_classes=[IsCashier]), name="api-schema"),
    path("api/v1/", include(api_v1)),
]
