from rest_framework import viewsets

from regulars.core.services import shops_of

from ..filters import TillFilterSet
from ..models import Till
from .serializers import TillSerializer


class TillViewSet(viewsets.ReadOnlyModelViewSet):
    """The tills of the shops the user works in; a till books receipts under its own numbers."""

    queryset = Till.objects.all()
    serializer_class = TillSerializer
    filterset_class = TillFilterSet

    def get_queryset(self):
        return super().get_queryset().filter(shop__in=shops_of(self.request.user))
