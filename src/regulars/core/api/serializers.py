from rest_framework import serializers

from ..models import StaffMember


class ErrorSerializer(serializers.Serializer):
    """What went wrong, in the user's language."""

    detail = serializers.CharField()


class StaffMemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = StaffMember
        fields = ["id", "name", "shop", "active"]
