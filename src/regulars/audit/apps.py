from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "regulars.audit"
    label = "audit"
    verbose_name = _("Protocol")

    def ready(self):
        from regulars.core.panels import register as register_panel

        from . import automatic
        from .kinds import register_core_kinds
        from .panels import PANEL

        register_core_kinds()
        automatic.connect()
        register_panel("edit", PANEL)
