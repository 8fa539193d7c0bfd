from rest_framework import viewsets

from ..filters import StaffMemberFilterSet
from ..models import StaffMember
from ..services import shops_of
from .serializers import StaffMemberSerializer


class StaffMemberViewSet(viewsets.ReadOnlyModelViewSet):
    """Staff members of the shops the user works in, who serve customers and book receipts."""

    queryset = StaffMember.objects.all()
    serializer_class = StaffMemberSerializer
    filterset_class = StaffMemberFilterSet

    def get_queryset(self):
        return super().get_queryset().filter(shop__in=shops_of(self.request.user))
