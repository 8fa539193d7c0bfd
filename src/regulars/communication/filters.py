import django_filters
from django.utils.translation import gettext_lazy as _

from .models import MailAccount


class MailAccountFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="host", lookup_expr="icontains", label=_("Search"), max_length=100)

    class Meta:
        model = MailAccount
        fields = ["q", "shop"]
