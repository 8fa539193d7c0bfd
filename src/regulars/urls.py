"""Regulars' URLs: the backoffice pages, the REST API under /api/v1/ and its OpenAPI schema."""

from django.urls import include, path
from django.views.generic import RedirectView

from regulars.core.api.permissions import IsCashier
from regulars.core.api.schema import EnglishSchemaView

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
    path("api/schema/", EnglishSchemaView.as_view(permission_classes=[IsCashier]), name="api-schema"),
    path("api/v1/", include(api_v1)),
]

# errors of the API are JSON, of the pages HTML (core.api.errors)
handler400 = "regulars.core.api.errors.bad_request"
handler403 = "regulars.core.api.errors.permission_denied"
handler404 = "regulars.core.api.errors.page_not_found"
handler500 = "regulars.core.api.errors.server_error"
