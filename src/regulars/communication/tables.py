import django_tables2 as tables
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regulars.core.tables import BaseTable


class MailAccountTable(BaseTable):
    prefs_key = "mail_accounts"
    fixed_columns = ("host",)
    default_columns = ("shop", "port", "security", "sender")
    host = tables.Column(
        verbose_name=_("SMTP server"), linkify=("communication:mailaccount_edit", {"pk": tables.A("pk")})
    )
    shop = tables.Column(verbose_name=_("shop"), default=_("all shops"))
    port = tables.Column(verbose_name=_("port"))
    security = tables.Column(verbose_name=_("encryption"))
    sender = tables.Column(verbose_name=_("sender address"))

    class Meta(BaseTable.Meta):
        row_attrs = {"data-href": lambda record: reverse("communication:mailaccount_edit", args=[record.pk])}
