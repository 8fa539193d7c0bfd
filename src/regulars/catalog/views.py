"""Master data pages of the catalogue (manager role): brands, categories, articles, services, discounts, and
copying a shop's catalogue to another shop."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View

from regulars.core.roles import Role
from regulars.core.services import ShopAccessError
from regulars.core.views.generic import crud_urls
from regulars.core.views.mixins import RoleRequiredMixin

from . import filters, forms, tables
from .models import Article, ArticleCategory, Brand, Discount, Service
from .services import CatalogueError, copy_catalogue


class CopyCatalogueView(RoleRequiredMixin, View):
    """A chain copies one shop's articles and services to another of its shops."""

    required_role = Role.MANAGER
    template_name = "core/object_edit.html"

    def get(self, request):
        return self._render(request, forms.CopyCatalogueForm(user=request.user))

    def post(self, request):
        form = forms.CopyCatalogueForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                copied = copy_catalogue(
                    source=form.cleaned_data["source"], target=form.cleaned_data["target"], user=request.user
                )
            except (CatalogueError, ShopAccessError) as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(
                    request,
                    gettext("Copied %(articles)s articles and %(services)s services; %(kept)s were there already.")
                    % {"articles": copied.articles, "services": copied.services, "kept": copied.kept},
                )
                return redirect("catalog:article_list")
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200):
        context = {"form": form, "title": gettext("Copy a catalogue to another shop"),
                   "cancel_url": reverse("catalog:article_list")}  # fmt: skip
        return render(request, self.template_name, context, status=status)

urlpatterns = [
    path("copy/", CopyCatalogueView.as_view(), name="copy"),
    *crud_urls(
        prefix="articles", name="article", queryset=Article.objects.select_related("shop", "brand", "category"),
        filterset_class=filters.ArticleFilterSet, table_class=tables.ArticleTable, form_class=forms.ArticleForm,
        title=_("Articles"), add_title=_("New article"), shop_field="shop",
    ),
    *crud_urls(
        prefix="services", name="service", queryset=Service.objects.select_related("shop"),
        filterset_class=filters.ServiceFilterSet,
        table_class=tables.ServiceTable, form_class=forms.ServiceForm, title=_("Services"), add_title=_("New service"),
        shop_field="shop",
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
        prefix="discounts", name="discount", queryset=Discount.objects.select_related("shop"),
        filterset_class=filters.DiscountFilterSet,
        table_class=tables.DiscountTable, form_class=forms.DiscountForm, title=_("Discounts"),
        add_title=_("New discount"), shop_field="shop",
    ),
]  # fmt: skip
