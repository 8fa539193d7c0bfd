from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from regulars.catalog.models import Article, Service
from regulars.core.fields import MoneySerializerField
from regulars.core.ids import MAX_ID
from regulars.core.models import StaffMember
from regulars.customers.models import Customer

from ..inputs import MAX_QUANTITY
from ..models import Payment, PaymentMethod, Receipt, ReceiptLine, ReceiptLink, Till
from ..sellers import seller_of
from ..services import receipt_status
from ..vat import vat_sums


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


def _reference():
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False, allow_null=True)


class BookingLineSerializer(serializers.Serializer):
    article = _reference()
    service = _reference()
    quantity = serializers.IntegerField(default=1, min_value=1, max_value=MAX_QUANTITY)
    staff = _reference()
    customer = _reference()

    def validate(self, attrs):
        if bool(attrs.get("article")) == bool(attrs.get("service")):
            raise serializers.ValidationError(_("Each line is either an article or a service."))
        return attrs


class BookingPaymentSerializer(serializers.Serializer):
    method = serializers.ChoiceField(choices=PaymentMethod.choices)
    amount = MoneySerializerField()


class BookingSerializer(serializers.Serializer):
    """What a till sends to book a receipt; the ids are resolved to objects in validate()."""

    till = serializers.PrimaryKeyRelatedField(queryset=Till.objects.all(), required=False)
    customer = _reference()
    staff = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False)
    lines = BookingLineSerializer(many=True, allow_empty=False, max_length=500)
    payments = BookingPaymentSerializer(many=True, allow_empty=False, max_length=20)

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
    list_price = MoneySerializerField(allow_null=True, help_text=_("The catalogue's price when it was changed."))
    discount = MoneySerializerField()
    total = MoneySerializerField()
    vat = MoneySerializerField()

    class Meta:
        model = ReceiptLine
        fields = [
            "position", "article", "service", "description", "brand", "quantity", "unit_price", "list_price",
            "discount", "discount_name", "override_reason", "total", "vat_rate", "vat", "staff", "customer",
        ]  # fmt: skip


class PaymentSerializer(serializers.ModelSerializer):
    amount = MoneySerializerField()

    class Meta:
        model = Payment
        fields = ["method", "amount"]


class VatSumSerializer(serializers.Serializer):
    """The VAT at one rate, from the rate's total (sales.vat): the same as on the receipt and the invoice."""

    rate = serializers.IntegerField(help_text=_("in hundredths of a percent: 1900 = 19 %"))
    net = MoneySerializerField()
    vat = MoneySerializerField()
    gross = MoneySerializerField()


class SellerSerializer(serializers.Serializer):
    """The seller's data as the receipt was booked (or, on receipts before Regulars 0.2, as it is now)."""

    name = serializers.CharField()
    street = serializers.CharField()
    postcode = serializers.CharField()
    city = serializers.CharField()
    country = serializers.CharField()
    vat_id = serializers.CharField()
    tax_number = serializers.CharField()
    kvk_number = serializers.CharField()


class ReceiptSerializer(serializers.ModelSerializer):
    """A booked receipt as tills and the customer's history show it.

    `customer` is the customer the receipt belongs to: the one it was booked for, or the one it was linked to
    afterwards (R9, with `linked_at`).
    """

    status = serializers.SerializerMethodField()
    customer = serializers.SerializerMethodField()
    linked_at = serializers.SerializerMethodField()
    total = MoneySerializerField()
    change = MoneySerializerField()
    seller = serializers.SerializerMethodField()
    vat = serializers.SerializerMethodField()
    lines = ReceiptLineSerializer(many=True, read_only=True)
    payments = PaymentSerializer(many=True, read_only=True)

    class Meta:
        model = Receipt
        fields = [
            "id", "till", "number", "status", "created_at", "staff", "user_name", "customer", "linked_at",
            "customer_number", "customer_name", "customer_address", "seller", "total", "change", "vat", "cancels",
            "lines", "payments",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=["booked", "cancelled", "cancellation", "aborted"]))
    def get_status(self, receipt) -> str:
        return receipt_status(receipt)

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_customer(self, receipt) -> int | None:
        if receipt.customer_id is not None:
            return receipt.customer_id
        link = _link(receipt)
        return link.customer_id if link is not None else None

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_linked_at(self, receipt):
        link = _link(receipt)
        return serializers.DateTimeField().to_representation(link.created_at) if link is not None else None

    @extend_schema_field(SellerSerializer)
    def get_seller(self, receipt) -> dict:
        return SellerSerializer(seller_of(receipt)).data

    @extend_schema_field(VatSumSerializer(many=True))
    def get_vat(self, receipt) -> list:
        return VatSumSerializer(vat_sums(receipt.lines.all()), many=True).data


def _link(receipt) -> ReceiptLink | None:
    try:
        return receipt.link
    except ReceiptLink.DoesNotExist:
        return None


class CancellationSerializer(serializers.Serializer):
    staff = serializers.PrimaryKeyRelatedField(queryset=StaffMember.objects.all(), required=False)


class LinkSerializer(serializers.Serializer):
    customer = serializers.PrimaryKeyRelatedField(queryset=Customer.objects.all())
