from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    name = "regulars.orders"
    label = "orders"
    verbose_name = _("Orders")

    def ready(self):
        from regulars.core.panels import register

        from .panels import PANEL
        from .protocol import register_orders

        register("customer", PANEL)
        register_orders()
