from rest_framework import viewsets

from ..filters import TillFilterSet
from ..models import Till
from .serializers import TillSerializer


class TillViewSet(viewsets.ReadOnlyModelViewSet):
    """The tills of all shops; a till books receipts under its own numbers."""

    queryset = Till.objects.all()
    serializer_class = TillSerializer
    filterset_class = TillFilterSet
