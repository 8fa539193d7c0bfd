from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from regulars.catalog.models import Article, Service
from regulars.core.fields import MoneySerializerField
from regulars.core.models import StaffMember
from regulars.customers.models import Customer

from ..models import Payment, PaymentMethod, Receipt, ReceiptLine, Till
from ..services import receipt_status


class TillSerializer(serializers.ModelSerializer):
    class Meta:
        model = Till
        fields = ["id", "name", "shop", "printer_host", "printer_port", "active"]


# the discounts come along: pricing reads them for every line
BOOKING_CUSTOMERS = Customer.objects.select_related("service_discount", "article_discount")
#: what the ids of a receipt request refer to; read with one query per kind, not one per line
REFERENCES = {
    "article": Article.objects.select_related("brand"),
    "service": Service.objects.all(),
    "staff": StaffMember.objects.all(),
    "customer": BOOKING_CUSTOMERS,
}


MAX_ID = 2**63 - 1  # the largest id a database column holds; a larger one is refused, not a server error


def _reference():
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False, allow_null=True)


class LineRequestSerializer(serializers.Serializer):
    article = _reference()
    service = _reference()
    quantity = serializers.IntegerField(default=1, min_value=1, max_value=9999)
    staff = _reference()
    customer = _reference()

    def validate(self, attrs):
        if bool(attrs.get("article")) == bool(attrs.get("service")):
            raise serializers.ValidationError(_("Each line is either an article or a service."))
        return attrs


class PaymentRequestSerializer(serializers.Serializer):
    method = serializers.ChoiceField(choices=PaymentMethod.choices)
    amount = MoneySerializerField()


class ReceiptRequestSerializer(serializers.Serializer):
    """What a till sends to book a receipt; the ids are resolved to objects in validate()."""

    till = serializers.PrimaryKeyRelatedField(queryset=Till.objects.all(), required=False)
    customer = _reference()
    staff = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False)
    lines = LineRequestSerializer(many=True, allow_empty=False, max_length=500)
    payments = PaymentRequestSerializer(many=True, allow_empty=False, max_length=20)

    def validate(self, attrs):
        parts = [attrs, *attrs["lines"]]
        found = {
            name: queryset.in_bulk({part[name] for part in parts if part.get(name)})
            for name, queryset in REFERENCES.items()
        }
        missing = serializers.PrimaryKeyRelatedField.default_error_messages["does_not_exist"]
        errors = [{} for _part in parts]
        for part, error in zip(parts, errors, strict=True):
            for name in REFERENCES.keys() & part.keys():
                if part[name] is None:
                    continue
                if (obj := found[name].get(part[name])) is None:
                    error[name] = [missing.format(pk_value=part[name])]
                else:
                    part[name] = obj
        if any(errors):
            # per line as DRF reports the lines' own field errors: {"lines": {"2": {"article": [...]}}}
            lines = {str(index): error for index, error in enumerate(errors[1:]) if error}
            raise serializers.ValidationError({**errors[0], **({"lines": lines} if lines else {})})
        return attrs


class ReceiptLineSerializer(serializers.ModelSerializer):
    unit_price = MoneySerializerField()
    discount = MoneySerializerField()
    total = MoneySerializerField()
    vat = MoneySerializerField()

    class Meta:
        model = ReceiptLine
        fields = [
            "position", "article", "service", "description", "brand", "quantity", "unit_price", "discount",
            "discount_name", "total", "vat_rate", "vat", "staff", "customer",
        ]  # fmt: skip


class PaymentSerializer(serializers.ModelSerializer):
    amount = MoneySerializerField()

    class Meta:
        model = Payment
        fields = ["method", "amount"]


class ReceiptSerializer(serializers.ModelSerializer):
    """A booked receipt as tills and the customer's history show it."""

    status = serializers.SerializerMethodField()
    total = MoneySerializerField()
    change = MoneySerializerField()
    lines = ReceiptLineSerializer(many=True, read_only=True)
    payments = PaymentSerializer(many=True, read_only=True)

    class Meta:
        model = Receipt
        fields = [
            "id", "till", "number", "status", "created_at", "staff", "customer", "customer_number", "customer_name",
            "customer_address", "total", "change", "cancels", "lines", "payments",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=["booked", "cancelled", "cancellation", "aborted"]))
    def get_status(self, receipt) -> str:
        return receipt_status(receipt)


class CancelRequestSerializer(serializers.Serializer):
    staff = serializers.PrimaryKeyRelatedField(queryset=StaffMember.objects.all(), required=False)


class LinkRequestSerializer(serializers.Serializer):
    customer = serializers.PrimaryKeyRelatedField(queryset=Customer.objects.all())
