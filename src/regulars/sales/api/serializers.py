from rest_framework import serializers

from ..models import Till


class TillSerializer(serializers.ModelSerializer):
    class Meta:
        model = Till
        fields = ["id", "name", "shop", "printer_host", "printer_port", "active"]
