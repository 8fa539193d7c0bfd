from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SalesConfig(AppConfig):
    name = "regulars.sales"
    label = "sales"
    verbose_name = _("Till and receipts")

    def ready(self):
        from regulars.audit.registry import register as protocol
        from regulars.core.panels import register
        from regulars.core.roles import Role

        from .models import Till
        from .panels import PANEL

        register("customer", PANEL)
        protocol(Till, key="till", url_name="sales:till_edit", required_role=Role.ADMIN)
