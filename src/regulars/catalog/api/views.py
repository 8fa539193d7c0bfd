"""The till looks up articles (by EAN or name) and services."""

from rest_framework import viewsets

from ..filters import ArticleFilterSet, ServiceFilterSet
from ..models import Article, Service
from .serializers import ArticleSerializer, ServiceSerializer


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    """Articles; `q` is an EAN (prefix) or words of the name or brand."""

    queryset = Article.objects.select_related("brand", "category")
    serializer_class = ArticleSerializer
    filterset_class = ArticleFilterSet


class ServiceViewSet(viewsets.ReadOnlyModelViewSet):
    """Services; `q` searches the name."""

    queryset = Service.objects.all()
    serializer_class = ServiceSerializer
    filterset_class = ServiceFilterSet
