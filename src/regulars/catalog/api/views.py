"""The till looks up articles (by EAN or name) and services."""

from rest_framework import viewsets

from regulars.core.services import shops_of

from ..filters import ArticleFilterSet, ServiceFilterSet
from ..models import Article, Service
from .serializers import ArticleSerializer, ServiceSerializer


class _ShopGoodsViewSet(viewsets.ReadOnlyModelViewSet):
    """What the shops sell that the user works in; `shop` narrows it to one."""

    def get_queryset(self):
        return super().get_queryset().filter(shop__in=shops_of(self.request.user))


class ArticleViewSet(_ShopGoodsViewSet):
    """Articles; `q` is an EAN (prefix) or words of the name or brand."""

    queryset = Article.objects.select_related("brand", "category")
    serializer_class = ArticleSerializer
    filterset_class = ArticleFilterSet


class ServiceViewSet(_ShopGoodsViewSet):
    """Services; `q` searches the name."""

    queryset = Service.objects.all()
    serializer_class = ServiceSerializer
    filterset_class = ServiceFilterSet
