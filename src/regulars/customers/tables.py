"""The customer list's columns; each user picks and orders them (L4)."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from regulars.core.tables import BaseTable

from .models import Customer
from .validators import format_phone

#: short values that read badly when broken over two lines (a tablet's narrow columns)
NOWRAP = {"td": {"class": "nowrap"}}


class CustomerTable(BaseTable):
    prefs_key = "customers"
    fixed_columns = ("name",)
    default_columns = ("number", "street", "postcode", "city", "phone", "email", "active")
    sort_by = {"name": "name", "number": "number", "postcode": "postcode", "city": "city", "created_at": "created"}

    name = tables.Column(
        verbose_name=_("name"),
        accessor="display_name",
        linkify=lambda record: record.get_absolute_url(),
        empty_values=(),
        attrs={"td": {"class": "name"}},
    )
    number = tables.Column(verbose_name=_("customer number"), attrs=NOWRAP)
    salutation = tables.Column(verbose_name=_("salutation"))
    first_name = tables.Column(verbose_name=_("first name"))
    last_name = tables.Column(verbose_name=_("last name"))
    company = tables.Column(verbose_name=_("company"))
    street = tables.Column(verbose_name=_("street and number"))
    postcode = tables.Column(verbose_name=_("postcode"), attrs=NOWRAP)
    city = tables.Column(verbose_name=_("city"))
    country = tables.Column(verbose_name=_("country"))
    phone = tables.Column(verbose_name=_("phone"), accessor="pk", empty_values=())
    email = tables.Column(verbose_name=_("e-mail"), accessor="pk", empty_values=())
    birthday = tables.DateColumn(verbose_name=_("birthday"), short=True)
    age = tables.Column(verbose_name=_("age"), empty_values=())
    groups = tables.Column(verbose_name=_("groups"), accessor="pk", empty_values=())
    regular_staff = tables.Column(verbose_name=_("regular staff member"))
    debtor_number = tables.Column(verbose_name=_("debtor number"))
    vat_id = tables.Column(verbose_name=_("VAT ID"))
    active = tables.BooleanColumn(verbose_name=_("active"))
    created_at = tables.DateTimeColumn(verbose_name=_("created"), short=True)
    updated_at = tables.DateTimeColumn(verbose_name=_("changed"), short=True)

    class Meta(BaseTable.Meta):
        model = Customer
        fields = ()
        row_attrs = {
            "data-href": lambda record: record.get_absolute_url(),
            "class": lambda record: "" if record.active else "inactive",
        }

    def render_phone(self, record):
        return format_html_join(
            ", ",
            "<span class='nowrap'>{}</span>",
            ((format_phone(p.number, str(record.country)),) for p in record.phones.all()),
        )

    def render_email(self, record):
        addresses = ", ".join(e.address for e in record.emails.all())
        return format_html("<span class='truncate' title='{}'>{}</span>", addresses, addresses)

    def render_groups(self, record):
        return ", ".join(str(g) for g in record.groups.all())

    def render_age(self, record):
        return record.age if record.age is not None else "—"


class GroupTable(BaseTable):
    prefs_key = "customer-groups"
    fixed_columns = ("name",)
    default_columns = ("key", "customer_count", "active")
    name = tables.Column(
        verbose_name=_("name"), accessor="pk", linkify=("customers:group_edit", {"pk": tables.A("pk")})
    )
    key = tables.Column(verbose_name=_("key"))
    customer_count = tables.Column(verbose_name=_("customers"))
    active = tables.BooleanColumn(verbose_name=_("active"))

    class Meta(BaseTable.Meta):
        row_attrs = {"data-href": lambda record: reverse("customers:group_edit", args=[record.pk])}

    def render_name(self, record):
        return str(record)
