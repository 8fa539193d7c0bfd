import django_tables2 as tables
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regulars.core.tables import BaseTable


class TillTable(BaseTable):
    prefs_key = "tills"
    fixed_columns = ("name",)
    default_columns = ("shop", "printer_host", "printer_port", "active")
    name = tables.Column(verbose_name=_("name"), linkify=("sales:till_edit", {"pk": tables.A("pk")}))
    shop = tables.Column(verbose_name=_("shop"))
    printer_host = tables.Column(verbose_name=_("receipt printer address"))
    printer_port = tables.Column(verbose_name=_("receipt printer port"))
    active = tables.BooleanColumn(verbose_name=_("active"))

    class Meta(BaseTable.Meta):
        row_attrs = {"data-href": lambda record: reverse("sales:till_edit", args=[record.pk])}
