from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SalesConfig(AppConfig):
    name = "regulars.sales"
    label = "sales"
    verbose_name = _("Till and receipts")

    def ready(self):
        from regulars.core.panels import register

        from .panels import PANEL

        register("customer", PANEL)
