"""Articles and services as the till reads them; prices as decimal strings."""

from rest_framework import serializers

from regulars.core.fields import MoneySerializerField

from ..models import Article, Service


class ArticleSerializer(serializers.ModelSerializer):
    price = MoneySerializerField()
    brand = serializers.StringRelatedField()
    category = serializers.StringRelatedField()

    class Meta:
        model = Article
        fields = ["id", "shop", "name", "ean", "brand", "category", "price", "vat_rate", "active"]


class ServiceSerializer(serializers.ModelSerializer):
    price = MoneySerializerField()

    class Meta:
        model = Service
        fields = ["id", "shop", "name", "price", "vat_rate", "duration", "active"]
