"""FilterSets of the catalogue, for the list pages and the till's API (`q`: name or EAN)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Article, ArticleCategory, Brand, Discount, Service


class _NameFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Search"), max_length=100)


class BrandFilterSet(_NameFilterSet):
    class Meta:
        model = Brand
        fields = ["q", "active"]


class ArticleCategoryFilterSet(_NameFilterSet):
    class Meta:
        model = ArticleCategory
        fields = ["q", "active"]


class ArticleFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"), max_length=100)

    class Meta:
        model = Article
        fields = ["q", "brand", "category", "active"]

    def search(self, queryset, name, value):
        value = value.strip()
        if value.isdigit():
            return queryset.filter(ean__startswith=value)
        condition = Q()
        for word in value.split():
            condition &= Q(name__icontains=word) | Q(brand__name__icontains=word)
        return queryset.filter(condition)


class ServiceFilterSet(_NameFilterSet):
    class Meta:
        model = Service
        fields = ["q", "active"]


class DiscountFilterSet(_NameFilterSet):
    class Meta:
        model = Discount
        fields = ["q", "applies_to", "active"]
