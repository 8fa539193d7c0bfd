"""One FilterSet for the customer list and the API (L1-L3): quick search plus combinable filters."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from regulars.core.models import Shop, StaffMember

from .models import Customer, CustomerGroup
from .search import search

ACTIVE_CHOICES = (("true", _("active only")), ("false", _("inactive only")), ("all", _("active and inactive")))
#: what a BooleanFilter took, still understood
_ACTIVE_SPELLINGS = {"True": "true", "1": "true", "False": "false", "0": "false"}


class ActiveWidget(forms.Select):
    """The list's choice of active, inactive or all customers; active ones when nothing is chosen."""

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        return _ACTIVE_SPELLINGS.get(value, value) or "true"


@extend_schema_field(
    {
        "type": "string",
        "enum": [value for value, _label in ACTIVE_CHOICES],
        "default": "true",
        "description": "Active customers (true, the default), inactive ones (false) or all.",
    }
)
class ActiveFilter(django_filters.ChoiceFilter):
    """Active customers unless inactive ones (`false`) or all are asked for (L1)."""

    def __init__(self, **kwargs):
        super().__init__(choices=ACTIVE_CHOICES, widget=ActiveWidget, empty_label=None, **kwargs)

    def filter(self, qs, value):
        return qs if value == "all" else qs.filter(active=value != "false")


@extend_schema_field(OpenApiTypes.STR)
class GroupKeyFilter(django_filters.ModelMultipleChoiceFilter):
    """Groups by their keys: the schema says strings, which drf-spectacular cannot find through `groups__key`."""


class CustomerFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Search"), max_length=100)
    active = ActiveFilter(label=_("active"))
    group = GroupKeyFilter(
        field_name="groups__key",
        to_field_name="key",
        queryset=CustomerGroup.objects.all(),
        label=_("group"),
        widget=forms.CheckboxSelectMultiple,
    )
    country = django_filters.ChoiceFilter(choices=countries, label=_("country"))
    postcode = django_filters.CharFilter(lookup_expr="startswith", label=_("postcode starts with"), max_length=16)
    city = django_filters.CharFilter(lookup_expr="iexact", label=_("city"), max_length=100)
    regular_staff = django_filters.ModelChoiceFilter(
        queryset=StaffMember.objects.all(), label=_("regular staff member")
    )
    home_shop = django_filters.ModelChoiceFilter(queryset=Shop.objects.all(), label=_("shop"))
    birthday_month = django_filters.NumberFilter(
        field_name="birthday", lookup_expr="month", label=_("birthday in month"), min_value=1, max_value=12
    )
    created_after = django_filters.DateFilter(field_name="created_at", lookup_expr="date__gte", label=_("created from"))
    created_before = django_filters.DateFilter(
        field_name="created_at", lookup_expr="date__lte", label=_("created until")
    )
    ordering = django_filters.OrderingFilter(
        fields=(("sort_name", "name"), ("number", "number"), ("postcode", "postcode"), ("city", "city"),
                ("created_at", "created")),
        label=_("sort by"),
        help_text="The sort order: name, number, postcode, city or created; with a minus (-city) the other way round. "
        "Without it, search results come by how they match and the others by name.",
    )  # fmt: skip

    class Meta:
        model = Customer
        fields = ["q", "active", "group", "country", "postcode", "city", "regular_staff", "home_shop"]

    def filter_q(self, queryset, name, value):
        return search(queryset, value)


class GroupFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Search"), max_length=100)

    class Meta:
        model = CustomerGroup
        fields = ["q", "active"]
