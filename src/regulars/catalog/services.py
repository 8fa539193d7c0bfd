"""Operations on a shop's catalogue: copying it to another shop of the chain."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from regulars.core.models import Shop
from regulars.core.services import check_works_at
from regulars.core.vat import same_kind_in

from .models import Article, Service


@dataclass(frozen=True)
class CopiedCatalogue:
    articles: int
    services: int
    kept: int  #: what the target shop had already (the same EAN, or a service of the same name)


class CatalogueError(Exception):
    """The catalogue cannot be copied as asked; the message says why."""


def copy_catalogue(*, source: Shop, target: Shop, user) -> CopiedCatalogue:
    """Copy the active articles and services of one shop to another: names, EANs, brands, categories and prices,
    at the VAT rate of the same kind in the target's country (19 % → 21 %, 7 % → 9 %). What the target sells
    already stays as it is. Each copy is a record of its own, protocolled; prices can differ per shop afterwards.
    """
    if source.pk == target.pk:
        raise CatalogueError(_("Please choose two different shops."))
    check_works_at(user, source)
    check_works_at(user, target)
    with transaction.atomic():
        eans = set(Article.objects.filter(shop=target, ean__isnull=False).values_list("ean", flat=True))
        names = set(Service.objects.filter(shop=target).values_list("name", flat=True))
        articles = services = kept = 0
        for article in Article.objects.filter(shop=source, active=True).select_related("brand"):
            if article.ean and article.ean in eans:
                kept += 1
                continue
            Article.objects.create(
                shop=target, name=article.name, ean=article.ean, brand=article.brand, category_id=article.category_id,
                price=article.price, vat_rate=same_kind_in(article.vat_rate, target.country),
            )  # fmt: skip
            articles += 1
        for service in Service.objects.filter(shop=source, active=True):
            if service.name in names:
                kept += 1
                continue
            Service.objects.create(
                shop=target, name=service.name, price=service.price, duration=service.duration,
                vat_rate=same_kind_in(service.vat_rate, target.country),
            )  # fmt: skip
            services += 1
    return CopiedCatalogue(articles=articles, services=services, kept=kept)
