"""The customer as the API shows and takes it (X4)."""

import functools
from collections import defaultdict
from datetime import date
from operator import attrgetter

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connection
from django.utils.translation import gettext_lazy as _
from django_countries.serializer_fields import CountryField
from django_countries.serializers import CountryFieldMixin
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from regulars.audit.display import HistoryLine, history_lines
from regulars.catalog.models import Discount
from regulars.core.models import Shop, StaffMember
from regulars.core.roles import Role, has_role
from regulars.core.services import shops_of

from ..models import (
    BILLING_FIELDS,
    CONTACT_FIELDS,
    DISCOUNT_FIELDS,
    MANAGER_FIELDS,
    MAX_PARTS,
    NAME_FIELDS,
    PART_FIELDS,
    POPUP_FIELDS,
    STAFF_FIELDS,
    Consent,
    ConsentKind,
    ConsentSource,
    Customer,
    CustomerEmail,
    CustomerGroup,
    CustomerPhone,
    EmailKind,
    PhoneKind,
)
from ..services import CustomerData, create_customer, update_customer
from ..validators import (
    check_referrer,
    normalise_phone,
    normalise_postcode,
    normalise_vat_id,
    require_name,
    require_vat_id_for_reverse_charge,
)

#: what the API shows of a customer: the contact details (and the age after the birthday), the parts, the rest
CUSTOMER_FIELDS = [
    "id", *CONTACT_FIELDS, *PART_FIELDS, "referred_by", *STAFF_FIELDS, *DISCOUNT_FIELDS, *POPUP_FIELDS,
    *BILLING_FIELDS, "version", "created_at", "updated_at",
]  # fmt: skip
CUSTOMER_FIELDS.insert(CUSTOMER_FIELDS.index("birthday") + 1, "age")


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


class CustomerListSerializer(serializers.ListSerializer):
    """Many customers at once, as CustomerSerializer shows each one, but fast enough for search as you type.

    DRF would build the ~35 fields of CustomerSerializer anew for every request and needs the customers'
    phones, e-mails, groups and consents prefetched as model instances (four ORM queries). Here the fields
    are built once per process and only their to_representation() is used, and the four parts are read as
    plain values in one query. The output is the same, key for key and value for value; the list view
    therefore does not prefetch.
    """

    def to_representation(self, data):
        customers = list(data.all() if hasattr(data, "all") else data)
        plan = _list_plan()
        parts = _load_parts([c.pk for c in customers], plan)
        rows = []
        for customer in customers:
            row = {}
            for name, getter, convert in plan.fields:
                if getter is None:
                    row[name] = parts[name].get(customer.pk, [])
                    continue
                value = getter(customer)
                row[name] = None if value is None else convert(value)
            rows.append(row)
        return rows


class CustomerSerializer(CountryFieldMixin, serializers.ModelSerializer):
    phones = PhoneSerializer(many=True, required=False, max_length=MAX_PARTS)
    emails = EmailSerializer(many=True, required=False, max_length=MAX_PARTS)
    consents = ConsentSerializer(many=True, required=False)
    groups = GroupField(many=True, required=False, queryset=CustomerGroup.objects.all())
    referred_by = serializers.PrimaryKeyRelatedField(queryset=Customer.objects.all(), required=False, allow_null=True)
    regular_staff = serializers.PrimaryKeyRelatedField(
        queryset=StaffMember.objects.all(), required=False, allow_null=True
    )
    home_shop = serializers.PrimaryKeyRelatedField(queryset=Shop.objects.all(), required=False, allow_null=True)
    service_discount = serializers.PrimaryKeyRelatedField(
        queryset=Discount.objects.filter(applies_to="services", active=True), required=False, allow_null=True
    )
    article_discount = serializers.PrimaryKeyRelatedField(
        queryset=Discount.objects.filter(applies_to="articles", active=True), required=False, allow_null=True
    )
    age = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Customer
        fields = CUSTOMER_FIELDS
        read_only_fields = ["id", "version", "created_at", "updated_at"]
        extra_kwargs = {"number": {"required": False}}
        list_serializer_class = CustomerListSerializer

    def get_fields(self):
        """The fields; a customer's discounts are those of the shops the user works in.

        Here and not in __init__, so that a list of customers (CustomerListSerializer) builds no fields at all.
        """
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None:
            shops = shops_of(request.user)
            for name in ("service_discount", "article_discount"):
                fields[name].queryset = fields[name].queryset.filter(shop__in=shops)
        return fields

    def validate_vat_id(self, value):
        return _checked(normalise_vat_id, value)

    def validate_referred_by(self, value):
        return _checked(check_referrer, value, self.instance.pk if self.instance else None)

    def _current(self, name: str):
        if self.instance is not None:
            return getattr(self.instance, name)
        return Customer._meta.get_field(name).get_default()

    def validate(self, attrs):
        country = str(attrs.get("country") or (self.instance.country if self.instance else "DE"))
        errors = {}
        request = self.context.get("request")
        if request is not None and not has_role(request.user, Role.MANAGER):
            for name in MANAGER_FIELDS:  # what a customer pays is a manager's decision (X5)
                if name in attrs and attrs[name] != self._current(name):
                    errors[name] = [_("Only a manager changes this.")]
        try:
            require_vat_id_for_reverse_charge(
                attrs.get("vat_treatment", self._current("vat_treatment")), attrs.get("vat_id", self._current("vat_id"))
            )
        except DjangoValidationError as error:
            errors["vat_treatment"] = error.messages
        if "postcode" in attrs or "country" in attrs:  # as in the form: the postcode must fit the new country too
            postcode = attrs.get("postcode", getattr(self.instance, "postcode", ""))
            try:
                cleaned = normalise_postcode(postcode, country)
            except DjangoValidationError as error:
                errors["postcode"] = error.messages
            else:
                if "postcode" in attrs or cleaned != postcode:
                    attrs["postcode"] = cleaned
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
        try:
            require_name(**{k: attrs.get(k, getattr(self.instance, k, "")) for k in NAME_FIELDS})
        except DjangoValidationError as error:
            errors["last_name"] = error.messages
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


def _checked(check, *values):
    """One of the customer checks (validators.py) for a single field; its error as DRF shows it, same messages."""
    try:
        return check(*values)
    except DjangoValidationError as error:
        raise serializers.ValidationError(error.messages) from error


class _ListPlan:
    """How CustomerListSerializer turns a customer into a dict: per field a getter and a converter."""

    #: the parts read by _load_parts: their model, which column of its query holds which field of the nested
    #: serializer (a, b: text, d: date), and the column they are ordered by before their id, as when prefetched
    PARTS = {
        "consents": (Consent, {"kind": "a", "given_on": "d", "source": "b"}, "kind"),
        "phones": (CustomerPhone, {"number": "a", "kind": "b"}, None),
        "emails": (CustomerEmail, {"address": "a", "kind": "b"}, None),
    }

    def __init__(self):
        fields = CustomerSerializer().fields  # built once; only their to_representation() is used below
        self.fields = []
        self.part_fields = {}
        for name, field in fields.items():
            if field.write_only:
                continue
            if name in PART_FIELDS:
                self.fields.append((name, None, None))
                if name != "groups":
                    child = field.child.fields
                    columns = self.PARTS[name][1]
                    self.part_fields[name] = [(f, "abd".index(columns[f]), child[f].to_representation) for f in columns]
            elif "." in field.source or field.source == "*":
                raise TypeError(f"CustomerListSerializer cannot show the field {name!r}")
            elif isinstance(field, serializers.PrimaryKeyRelatedField) and field.pk_field is None:
                self.fields.append((name, attrgetter(f"{field.source}_id"), _same))
            elif isinstance(field, CountryField) and not (field.country_dict or field.name_only):
                self.fields.append((name, _country_code(field), _same))
            else:
                self.fields.append((name, attrgetter(field.source), field.to_representation))


def _same(value):
    return value


def _country_code(field):
    """The country as the field shows it, remembered per stored code: making a Country object is slow."""
    shown: dict[str, str] = {}

    def get(customer):
        code = customer.__dict__.get(field.source)
        if code not in shown:
            shown[code] = field.to_representation(getattr(customer, field.source))
        return shown[code]

    return get


@functools.cache
def _list_plan() -> _ListPlan:
    return _ListPlan()


def _parts_sql(count: int) -> str:
    """One query for the consents, phones, e-mails and groups of `count` customers (UNION ALL of four).

    Its columns: part (0-3, as PARTS and then the groups), customer id, a, b, d, the column to order by, id.
    Only names from the models go into the SQL text; the ids are parameters.
    """
    q = connection.ops.quote_name
    marks = ", ".join(["%s"] * count)
    selects = []
    for number, (model, columns, order) in enumerate(_ListPlan.PARTS.values()):
        meta = model._meta
        by_column = {column: q(meta.get_field(field).column) for field, column in columns.items()}
        values = [by_column.get(column, "NULL") for column in "abd"]
        sort = q(meta.get_field(order).column) if order else "NULL"
        customer = q(meta.get_field("customer").column)
        selects.append(
            f"SELECT {number}, {customer}, {', '.join(values)}, {sort}, {q(meta.pk.column)} "  # noqa: S608
            f"FROM {q(meta.db_table)} WHERE {customer} IN ({marks})"
        )
    through, group = Customer.groups.through._meta, CustomerGroup._meta
    customer = f"m.{q(through.get_field('customer').column)}"
    (order,) = group.ordering
    selects.append(
        f"SELECT {len(selects)}, {customer}, g.{q(group.get_field('key').column)}, NULL, NULL, "  # noqa: S608
        f"g.{q(group.get_field(order).column)}, g.{q(group.pk.column)} FROM {q(through.db_table)} m "
        f"JOIN {q(group.db_table)} g ON g.{q(group.pk.column)} = m.{q(through.get_field('customergroup').column)} "
        f"WHERE {customer} IN ({marks})"
    )
    # the first SELECT names the columns' types (the consents' date), so NULLs in the others fit
    return " UNION ALL ".join(selects) + " ORDER BY 1, 6, 7"


def _load_parts(ids: list[int], plan: _ListPlan) -> dict[str, dict[int, list]]:
    """Phones, e-mails and consents as the nested serializers show them, groups as their keys; by customer id.

    One plain query: four ORM querysets would cost more to build than to run, and four round trips more.
    """
    parts: dict[str, dict[int, list]] = {name: defaultdict(list) for name in PART_FIELDS}
    if not ids:
        return parts
    names = [*_ListPlan.PARTS, "groups"]
    with connection.cursor() as cursor:
        cursor.execute(_parts_sql(len(ids)), ids * len(names))
        rows = cursor.fetchall()
    for number, customer_id, *values, _sort, _id in rows:
        name = names[number]
        if name == "groups":
            parts[name][customer_id].append(values[0])
            continue
        if isinstance(values[2], str):  # SQLite may hand the date over as text
            values[2] = date.fromisoformat(values[2])
        parts[name][customer_id].append(
            {field: None if values[i] is None else convert(values[i]) for field, i, convert in plan.part_fields[name]}
        )
    return parts


class ProtocolEntrySerializer(serializers.Serializer):
    """A protocol entry: the values as structured data, with the field's label and the values as the user reads them."""

    id = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    kind = serializers.CharField(help_text=_("The kind of record, e.g. customer."))
    record_id = serializers.IntegerField()
    action = serializers.CharField()
    field = serializers.CharField()
    field_label = serializers.SerializerMethodField()
    old_value = serializers.JSONField(allow_null=True)
    new_value = serializers.JSONField(allow_null=True)
    old_text = serializers.SerializerMethodField()
    new_text = serializers.SerializerMethodField()
    supersedes = serializers.IntegerField(source="supersedes_id", allow_null=True)
    supersedes_created_at = serializers.DateTimeField(source="supersedes.created_at", allow_null=True, default=None)
    version = serializers.IntegerField(allow_null=True)
    user = serializers.CharField(source="user_name")
    request_id = serializers.UUIDField(allow_null=True)
    erased = serializers.SerializerMethodField()

    def _line(self, entry) -> HistoryLine:
        lines = self.context.setdefault("history_lines", {})
        if entry.pk not in lines:
            lines[entry.pk] = history_lines([entry])[0]
        return lines[entry.pk]

    def get_field_label(self, entry) -> str:
        return self._line(entry).field

    def get_old_text(self, entry) -> str:
        return self._line(entry).old

    def get_new_text(self, entry) -> str:
        return self._line(entry).new

    def get_erased(self, entry) -> bool:
        return entry.erased_at is not None


class StaleCustomerSerializer(serializers.Serializer):
    """A change refused because someone else saved the customer first (412): their changes, to decide again."""

    detail = serializers.CharField()
    current_version = serializers.IntegerField()
    changes = ProtocolEntrySerializer(many=True)
