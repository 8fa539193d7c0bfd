"""An order of a customer: new from the customer page, edited from the orders panel (O1)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from regulars.core.views.mixins import RoleRequiredMixin
from regulars.customers.models import Customer

from .forms import OrderForm, OrderLineFormSet
from .models import Order
from .services import save_order


class OrderEditView(RoleRequiredMixin, View):
    def _objects(self, pk, customer_pk):
        if pk:
            order = get_object_or_404(Order.objects.select_related("customer"), pk=pk)
            return order, order.customer
        customer = get_object_or_404(Customer, pk=customer_pk)
        return Order(customer=customer), customer

    def get(self, request, pk=None, customer_pk=None):
        order, customer = self._objects(pk, customer_pk)
        initial = [{"description": line.description, "quantity": line.quantity, "price": line.price}
                   for line in order.lines.all()] if order.pk else []  # fmt: skip
        return self._render(
            request, order, customer, OrderForm(instance=order), OrderLineFormSet(initial=initial, prefix="lines")
        )

    def post(self, request, pk=None, customer_pk=None):
        order, customer = self._objects(pk, customer_pk)
        form, lines = OrderForm(request.POST, instance=order), OrderLineFormSet(request.POST, prefix="lines")
        if not (form.is_valid() and lines.is_valid()):
            return self._render(request, order, customer, form, lines, status=400)
        save_order(order=form.save(commit=False), lines=lines.lines(), user=request.user)
        messages.success(request, _("Order %(number)s saved.") % {"number": order.number})
        return redirect(customer)

    def _render(self, request, order, customer, form, lines, status=200):
        title = _("Order %(number)s") % {"number": order.number} if order.pk else _("New order")
        context = {"order": order, "customer": customer, "form": form, "lines": lines, "title": title}
        return render(request, "orders/order_form.html", context, status=status)
