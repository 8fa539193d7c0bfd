"""List columns of the catalogue."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regulars.core.money import format_amount
from regulars.core.tables import BaseTable


def _edit_row(url_name):
    return {"data-href": lambda record: reverse(url_name, args=[record.pk])}


class _NamedTable(BaseTable):
    fixed_columns = ("name",)
    active = tables.BooleanColumn(verbose_name=_("active"))


class BrandTable(_NamedTable):
    prefs_key = "brands"
    default_columns = ("active",)
    name = tables.Column(verbose_name=_("name"), linkify=("catalog:brand_edit", {"pk": tables.A("pk")}))

    class Meta(BaseTable.Meta):
        row_attrs = _edit_row("catalog:brand_edit")


class ArticleCategoryTable(_NamedTable):
    prefs_key = "article-categories"
    default_columns = ("active",)
    name = tables.Column(verbose_name=_("name"), linkify=("catalog:category_edit", {"pk": tables.A("pk")}))

    class Meta(BaseTable.Meta):
        row_attrs = _edit_row("catalog:category_edit")


class ArticleTable(_NamedTable):
    prefs_key = "articles"
    default_columns = ("shop", "ean", "brand", "category", "price", "vat_rate", "active")
    name = tables.Column(verbose_name=_("name"), linkify=("catalog:article_edit", {"pk": tables.A("pk")}))
    shop = tables.Column(verbose_name=_("shop"))
    ean = tables.Column(verbose_name=_("EAN"))
    brand = tables.Column(verbose_name=_("brand"))
    category = tables.Column(verbose_name=_("category"))
    price = tables.Column(verbose_name=_("price"), attrs={"td": {"class": "num"}})
    vat_rate = tables.Column(verbose_name=_("VAT rate"))

    class Meta(BaseTable.Meta):
        row_attrs = _edit_row("catalog:article_edit")

    def render_price(self, value):
        return format_amount(value)


class ServiceTable(_NamedTable):
    prefs_key = "services"
    default_columns = ("shop", "price", "vat_rate", "duration", "active")
    name = tables.Column(verbose_name=_("name"), linkify=("catalog:service_edit", {"pk": tables.A("pk")}))
    shop = tables.Column(verbose_name=_("shop"))
    price = tables.Column(verbose_name=_("price"), attrs={"td": {"class": "num"}})
    vat_rate = tables.Column(verbose_name=_("VAT rate"))
    duration = tables.Column(verbose_name=_("duration in minutes"))

    class Meta(BaseTable.Meta):
        row_attrs = _edit_row("catalog:service_edit")

    def render_price(self, value):
        return format_amount(value)


class DiscountTable(_NamedTable):
    prefs_key = "discounts"
    default_columns = ("shop", "applies_to", "value", "active")
    name = tables.Column(verbose_name=_("name"), linkify=("catalog:discount_edit", {"pk": tables.A("pk")}))
    shop = tables.Column(verbose_name=_("shop"))
    applies_to = tables.Column(verbose_name=_("applies to"))
    value = tables.Column(verbose_name=_("discount"), accessor="pk", empty_values=())

    class Meta(BaseTable.Meta):
        row_attrs = _edit_row("catalog:discount_edit")

    def render_value(self, record):
        if record.percent is not None:
            return f"{record.percent / 100:g} %"
        return format_amount(record.amount)
