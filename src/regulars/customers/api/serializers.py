"""The customer as the API shows and takes it (X4)."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from django_countries.serializers import CountryFieldMixin
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from regulars.core.models import Shop, StaffMember

from ..models import ConsentKind, ConsentSource, Customer, CustomerGroup, EmailKind, PhoneKind
from ..services import CustomerData, create_customer, update_customer
from ..validators import normalise_phone, normalise_postcode, normalise_vat_id

PART_FIELDS = ("phones", "emails", "groups", "consents")


class RowSerializer(serializers.Serializer):
    """A phone, e-mail or consent row: always validated whole, with its defaults, also inside a PATCH.

    In a partial update DRF skips required fields and defaults down into nested rows, so `{"phones": [{}]}`
    reached the services without number and kind.
    """

    def run_validation(self, data=serializers.empty):
        if self.root is not self and getattr(self.root, "partial", False):
            return type(self)(context=self.context).run_validation(data)
        return super().run_validation(data)


class PhoneSerializer(RowSerializer):
    number = serializers.CharField(max_length=40, help_text=_("Any common format; stored as +49..."))
    kind = serializers.ChoiceField(choices=PhoneKind.choices, default=PhoneKind.MOBILE)


class EmailSerializer(RowSerializer):
    address = serializers.EmailField(max_length=254)
    kind = serializers.ChoiceField(choices=EmailKind.choices, default=EmailKind.PRIVATE)


class ConsentSerializer(RowSerializer):
    kind = serializers.ChoiceField(choices=ConsentKind.choices)
    given_on = serializers.DateField(default=date.today)
    source = serializers.ChoiceField(choices=ConsentSource.choices, default=ConsentSource.API)

    def validate_given_on(self, value):
        if value > date.today():
            raise serializers.ValidationError(_("This date lies in the future."))
        return value


@extend_schema_field(OpenApiTypes.STR)
class GroupField(serializers.RelatedField):
    """A group by its key ("webshop") or its id."""

    default_error_messages = {"unknown": _("There is no customer group “{value}”.")}

    def to_representation(self, value):
        return value.key

    def to_internal_value(self, data):
        lookup = {"pk": data} if isinstance(data, int) else {"key": str(data)}
        if "\x00" in str(data):  # no key holds it, and PostgreSQL refuses to even compare with it
            self.fail("unknown", value=data)
        group = self.get_queryset().filter(**lookup).first()
        if group is None:
            self.fail("unknown", value=data)
        return group


class CustomerGroupSerializer(serializers.ModelSerializer):
    class Meta:
        model = CustomerGroup
        fields = ["id", "key", "name", "active"]


class CustomerSerializer(CountryFieldMixin, serializers.ModelSerializer):
    phones = PhoneSerializer(many=True, required=False)
    emails = EmailSerializer(many=True, required=False)
    consents = ConsentSerializer(many=True, required=False)
    groups = GroupField(many=True, required=False, queryset=CustomerGroup.objects.all())
    referred_by = serializers.PrimaryKeyRelatedField(queryset=Customer.objects.all(), required=False, allow_null=True)
    regular_staff = serializers.PrimaryKeyRelatedField(
        queryset=StaffMember.objects.all(), required=False, allow_null=True
    )
    home_shop = serializers.PrimaryKeyRelatedField(queryset=Shop.objects.all(), required=False, allow_null=True)
    age = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Customer
        fields = [
            "id", "number", "active", "salutation", "title", "first_name", "last_name", "company", "street",
            "address_extra", "postcode", "city", "country", "language", "birthday", "age", "anniversary", "phones",
            "emails", "groups", "consents", "referred_by", "regular_staff", "home_shop", "popup_mode", "popup_text",
            "debtor_number", "vat_id", "vat_treatment", "id_card_number", "version", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["id", "version", "created_at", "updated_at"]
        extra_kwargs = {"number": {"required": False}}

    def validate_vat_id(self, value):
        try:
            return normalise_vat_id(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error

    def validate_referred_by(self, value):
        if value and self.instance and value.pk == self.instance.pk:
            raise serializers.ValidationError(_("A customer cannot have referred themselves."))
        return value

    def validate(self, attrs):
        country = str(attrs.get("country") or (self.instance.country if self.instance else "DE"))
        errors = {}
        if "postcode" in attrs:
            try:
                attrs["postcode"] = normalise_postcode(attrs["postcode"], country)
            except DjangoValidationError as error:
                errors["postcode"] = error.messages
        phone_errors, phones = [], []
        for row in attrs.get("phones", []):
            try:
                phones.append(
                    {**row, "number": normalise_phone(row["number"], country or settings.REGULARS_DEFAULT_COUNTRY)}
                )
                phone_errors.append({})
            except DjangoValidationError as error:
                phone_errors.append({"number": error.messages})
        if any(phone_errors):
            errors["phones"] = phone_errors
        elif "phones" in attrs:
            attrs["phones"] = phones
        names = {k: attrs.get(k, getattr(self.instance, k, "")) for k in ("first_name", "last_name", "company")}
        if not any(names.values()):
            errors["last_name"] = [_("Please enter a name or a company.")]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    def to_data(self, attrs) -> CustomerData:
        fields = {k: v for k, v in attrs.items() if k not in PART_FIELDS}
        return CustomerData(
            fields=fields,
            phones=[(p["number"], p["kind"]) for p in attrs["phones"]] if "phones" in attrs else None,
            emails=[(e["address"], e["kind"]) for e in attrs["emails"]] if "emails" in attrs else None,
            groups=list(dict.fromkeys(attrs["groups"])) if "groups" in attrs else None,
            consents={c["kind"]: (c["given_on"], c["source"]) for c in attrs["consents"]}
            if "consents" in attrs
            else None,
        )

    def create(self, validated_data):
        return create_customer(data=self.to_data(validated_data), user=self.context["request"].user)

    def update(self, instance, validated_data):
        return update_customer(
            customer_id=instance.pk,
            data=self.to_data(validated_data),
            expected_version=self.context.get("expected_version"),
            user=self.context["request"].user,
        )


class ProtocolEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    action = serializers.CharField()
    field = serializers.CharField()
    old_value = serializers.CharField()
    new_value = serializers.CharField()
    supersedes = serializers.IntegerField(source="supersedes_id", allow_null=True)
    supersedes_created_at = serializers.DateTimeField(source="supersedes.created_at", allow_null=True, default=None)
    version = serializers.IntegerField()
    user = serializers.CharField(source="user_name")
    request_id = serializers.UUIDField(allow_null=True)
