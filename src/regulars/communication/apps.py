from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunicationConfig(AppConfig):
    name = "regulars.communication"
    label = "communication"
    verbose_name = _("Communication")

    def ready(self):
        from regulars.core.panels import register

        from .panels import PANEL

        register("customer", PANEL)
