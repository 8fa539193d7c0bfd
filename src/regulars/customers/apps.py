from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CustomersConfig(AppConfig):
    name = "regulars.customers"
    label = "customers"
    verbose_name = _("Customers")

    def ready(self):
        from .protocol import register_customers

        register_customers()
