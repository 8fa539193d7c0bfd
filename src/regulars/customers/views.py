"""Customer pages: the list, the customer, the form and the protocol."""

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from regulars.audit.display import history_lines
from regulars.audit.services import history
from regulars.audit.views import HistoryView
from regulars.core.panels import panels_for
from regulars.core.roles import Role
from regulars.core.views.generic import ObjectEditView, ObjectListView
from regulars.core.views.mixins import RoleRequiredMixin

from .filters import CustomerFilterSet, GroupFilterSet
from .forms import CustomerForm, GroupForm, part_formsets
from .models import Consent, Customer, CustomerGroup
from .protocol import KIND
from .search import search
from .services import DuplicateNumberError, StaleCustomerError, create_customer, update_customer
from .tables import CustomerTable, GroupTable
from .validators import format_phone


class CustomerListView(ObjectListView):
    """The customer file: search as you type, filters, the user's columns (L1-L4, L6)."""

    queryset = Customer.objects.select_related("regular_staff").prefetch_related("phones", "emails", "groups")
    filterset_class = CustomerFilterSet
    table_class = CustomerTable
    title = gettext_lazy("Customers")
    add_url = "customers:add"
    add_role = Role.CASHIER
    template_name = "customers/customer_list.html"
    search_placeholder = gettext_lazy("Name, customer number, phone or e-mail")
    primary_filters = ("active",)
    default_ordering = "name"


class CustomerDetailView(RoleRequiredMixin, View):
    """One customer with all sections, each collapsible (R8)."""

    def get(self, request, pk):
        customer = get_object_or_404(
            Customer.objects.select_related(
                "referred_by", "regular_staff", "home_shop", "service_discount", "article_discount"
            ).prefetch_related(
                "phones", "emails", "groups", Prefetch("consents", queryset=Consent.objects.order_by("kind"))
            ),
            pk=pk,
        )
        phones = [(format_phone(p.number, str(customer.country)), p.get_kind_display()) for p in customer.phones.all()]
        entries = list(history(kind_key=KIND, record_id=customer.pk).select_related("supersedes")[:21])
        return render(
            request,
            "customers/customer_detail.html",
            {
                "customer": customer,
                "phones": phones,
                "protocol": history_lines(entries[:20]),
                "protocol_more": len(entries) > 20,
                "panels": panels_for("customer", request, customer),
                "title": str(customer),
            },
        )


class CustomerProtocolView(HistoryView):
    """The whole protocol of a customer, newest first, page by page (P1)."""

    def get(self, request, pk):
        return super().get(request, KIND, pk)


class CustomerEditView(RoleRequiredMixin, View):
    """Create and edit with one form (C1); a stale form is refused with the changes made meanwhile."""

    template_name = "customers/customer_form.html"

    def get(self, request, pk=None):
        customer = get_object_or_404(Customer, pk=pk) if pk else None
        form = CustomerForm(instance=customer, initial=None if customer else self._defaults(request), user=request.user)
        phones, emails = part_formsets(customer)
        return self._render(request, customer, form, phones, emails)

    def post(self, request, pk=None):
        customer = get_object_or_404(Customer, pk=pk) if pk else None
        form = CustomerForm(request.POST, instance=customer, user=request.user)
        phones, emails = part_formsets(customer, request.POST)
        if not (form.is_valid() and phones.is_valid() and emails.is_valid()):
            messages.error(request, _("Please correct the marked fields."))
            return self._render(request, customer, form, phones, emails, status=400)
        data = form.to_data(phones, emails)
        try:
            if customer is None:
                saved = create_customer(data=data, user=request.user)
            else:
                saved = update_customer(
                    customer_id=customer.pk, data=data, expected_version=form.cleaned_data["version"], user=request.user
                )
        except StaleCustomerError as stale:
            return self._render_stale(request, stale, form, phones, emails)
        except DuplicateNumberError:
            form.add_error("number", _("This customer number is taken already."))
            return self._render(request, customer, form, phones, emails, status=400)
        messages.success(request, _("Customer %(name)s saved.") % {"name": saved})
        return redirect(saved)

    def _render_stale(self, request, stale, form, phones, emails):
        data = request.POST.copy()
        data["version"] = stale.customer.version
        form = CustomerForm(data, instance=stale.customer, user=request.user)
        form.is_valid()
        messages.error(
            request,
            _(
                "Not saved: someone else changed this customer while you were editing. "
                "Their changes are listed below. Check the form and save again to keep your values."
            ),
        )
        return self._render(
            request, stale.customer, form, phones, emails, status=409, conflicts=history_lines(stale.changes)
        )

    def _defaults(self, request):
        shop = request.user.shop
        standard = CustomerGroup.objects.filter(key="standard").first()
        return {
            "country": shop.country if shop else None,
            "home_shop": shop,
            "groups": [standard] if standard else [],
        }

    def _render(self, request, customer, form, phones, emails, status=200, conflicts=None):
        context = {
            "customer": customer,
            "form": form,
            "phones": phones,
            "emails": emails,
            "conflicts": conflicts,
            "title": str(customer) if customer else _("New customer"),
        }
        return render(request, self.template_name, context, status=status)


class CustomerPickView(RoleRequiredMixin, View):
    """Small search for choosing a customer in a form, e.g. "referred by" (T3)."""

    def get(self, request):
        text = (request.GET.get("q") or request.GET.get("pick_q") or "")[:100]
        exclude = request.GET.get("exclude")
        rows = search(Customer.objects.all(), text) if text.strip() else Customer.objects.none()
        if exclude and exclude.isascii() and exclude.isdecimal():
            rows = rows.exclude(pk=exclude)
        return render(request, "customers/_pick_results.html", {"rows": rows[:10], "q": text})


class GroupListView(ObjectListView):
    """Customer groups and types (L10), managed by managers."""

    required_role = Role.MANAGER
    queryset = CustomerGroup.objects.annotate(customer_count=Count("customers"))
    filterset_class = GroupFilterSet
    table_class = GroupTable
    title = gettext_lazy("Customer groups")
    add_url = "customers:group_add"


class GroupEditView(ObjectEditView):
    model = CustomerGroup
    form_class = GroupForm
    success_url = "customers:group_list"
    add_title = gettext_lazy("New customer group")
