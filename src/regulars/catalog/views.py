"""Master data pages of the catalogue (manager role): brands, categories, articles, services, discounts."""

from django.utils.translation import gettext_lazy as _

from regulars.core.views.generic import crud_urls

from . import filters, forms, tables
from .models import Article, ArticleCategory, Brand, Discount, Service

urlpatterns = [
    *crud_urls(
        prefix="articles", name="article", queryset=Article.objects.select_related("brand", "category"),
        filterset_class=filters.ArticleFilterSet, table_class=tables.ArticleTable, form_class=forms.ArticleForm,
        title=_("Articles"), add_title=_("New article"),
    ),
    *crud_urls(
        prefix="services", name="service", queryset=Service.objects.all(), filterset_class=filters.ServiceFilterSet,
        table_class=tables.ServiceTable, form_class=forms.ServiceForm, title=_("Services"), add_title=_("New service"),
    ),
    *crud_urls(
        prefix="brands", name="brand", queryset=Brand.objects.all(), filterset_class=filters.BrandFilterSet,
        table_class=tables.BrandTable, form_class=forms.BrandForm, title=_("Brands"), add_title=_("New brand"),
    ),
    *crud_urls(
        prefix="categories", name="category", queryset=ArticleCategory.objects.all(),
        filterset_class=filters.ArticleCategoryFilterSet, table_class=tables.ArticleCategoryTable,
        form_class=forms.ArticleCategoryForm, title=_("Article categories"), add_title=_("New article category"),
    ),
    *crud_urls(
        prefix="discounts", name="discount", queryset=Discount.objects.all(), filterset_class=filters.DiscountFilterSet,
        table_class=tables.DiscountTable, form_class=forms.DiscountForm, title=_("Discounts"),
        add_title=_("New discount"),
    ),
]  # fmt: skip
