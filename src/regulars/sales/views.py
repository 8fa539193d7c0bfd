"""Pages of the till side: the tills (administrators), the customer's receipts."""

from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views import View

from regulars.core.roles import Role
from regulars.core.views.generic import crud_urls
from regulars.core.views.mixins import RoleRequiredMixin
from regulars.customers.models import Customer

from .filters import TillFilterSet
from .forms import TillForm
from .models import Till
from .panels import receipts_context
from .tables import TillTable


class CustomerReceiptsView(RoleRequiredMixin, View):
    """A page of the customer's receipts, for the panel's pagination."""

    def get(self, request, pk):
        customer = get_object_or_404(Customer, pk=pk)
        context = receipts_context(request, customer, request.GET.get("page"))
        return render(request, "sales/_customer_receipts.html", context)


urlpatterns = [
    path("customers/<int:pk>/receipts/", CustomerReceiptsView.as_view(), name="customer_receipts"),
] + crud_urls(
    prefix="tills", name="till", queryset=Till.objects.select_related("shop"), filterset_class=TillFilterSet,
    table_class=TillTable, form_class=TillForm, title=_("Tills"), add_title=_("New till"), required_role=Role.ADMIN,
)  # fmt: skip
