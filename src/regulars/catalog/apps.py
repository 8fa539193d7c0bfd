from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "regulars.catalog"
    label = "catalog"
    verbose_name = _("Articles and services")

    def ready(self):
        from regulars.audit.registry import register as protocol

        from .models import Article, ArticleCategory, Brand, Discount, Service

        for model, key in ((Article, "article"), (Brand, "brand"), (ArticleCategory, "category"), (Service, "service"),
                           (Discount, "discount")):  # fmt: skip
            protocol(model, key=key, url_name=f"catalog:{key}_edit")
