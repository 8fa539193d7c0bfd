from rest_framework import viewsets

from ..filters import StaffMemberFilterSet
from ..models import StaffMember
from .serializers import StaffMemberSerializer


class StaffMemberViewSet(viewsets.ReadOnlyModelViewSet):
    """Staff members who serve customers and book receipts."""

    queryset = StaffMember.objects.all()
    serializer_class = StaffMemberSerializer
    filterset_class = StaffMemberFilterSet
