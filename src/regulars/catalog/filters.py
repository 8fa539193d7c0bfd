"""FilterSets of the catalogue, for the list pages and the till's API (`q`: name or EAN)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Article, ArticleCategory, Brand, Discount, Service
from .search import search_articles


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
        fields = ["q", "shop", "brand", "category", "active"]

    def search(self, queryset, name, value):
        return search_articles(queryset, value)


class ServiceFilterSet(_NameFilterSet):
    class Meta:
        model = Service
        fields = ["q", "shop", "active"]


class DiscountFilterSet(_NameFilterSet):
    class Meta:
        model = Discount
        fields = ["q", "shop", "applies_to", "active"]
