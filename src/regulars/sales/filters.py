import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Till


class TillFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Search"), max_length=100)

    class Meta:
        model = Till
        fields = ["q", "shop", "active"]
