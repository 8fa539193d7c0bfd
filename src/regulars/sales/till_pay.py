"""Settling the cart at the till: which till and staff member, who is responsible, payment (as typed, exact cash,
the rest by card), abandoning the receipt, and linking an earlier receipt to the customer (R9)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View

from regulars.core.fields import MoneyFormField
from regulars.core.ids import parse_id, parse_int, typed_text
from regulars.core.money import format_amount
from regulars.core.views.mixins import RoleRequiredMixin

from .models import Receipt
from .services import BookingError, PaymentInput, abort_receipt, book_receipt, link_receipt
from .till import Cart, cart_response, priced_lines, usable_tills


class TillSettingsView(RoleRequiredMixin, View):
    """Which till, which staff member is at it, and who is responsible for the receipt."""

    def post(self, request):
        cart = Cart(request)
        till = usable_tills(request.user).filter(pk=parse_id(request.POST.get("till"))).first()
        if till is not None and cart.till is not None and till.shop_id != cart.till.shop_id:
            if cart.data["lines"]:
                error = _("Please pay, park or abandon the receipt before changing to a till of another shop.")
                return cart_response(request, cart, error=error)
            cart.data["staff"] = cart.data["responsible"] = None  # they worked in the other shop
        if till is not None:
            cart.data["till"] = till.pk
        for key in ("staff", "responsible"):
            if key in request.POST:
                cart.data[key] = parse_id(request.POST.get(key))
        cart.save()
        return cart_response(request, Cart(request))


class TillPayView(RoleRequiredMixin, View):
    """Take payment and book the receipt: as typed, the exact total in cash, or cash as typed and the rest by card.

    A refused payment keeps what was typed and says how much is missing; a booked one shows the change large, with
    print, e-mail and A4 at hand, until the next sale starts.
    """

    def post(self, request):
        cart = Cart(request)
        typed = {"cash": typed_text(request.POST.get("cash"), 20), "card": typed_text(request.POST.get("card"), 20)}
        try:
            cash, card = (MoneyFormField(required=False).clean(typed[name]) or 0 for name in ("cash", "card"))
        except ValidationError as error:
            return cart_response(request, cart, error=" ".join(error.messages), typed=typed)
        if cart.till is None or cart.staff is None:
            return cart_response(request, cart, error=_("Please choose the till and the staff member."), typed=typed)
        lines, _error = priced_lines(request, cart)
        total = sum(line.total for line in lines)
        mode = request.POST.get("mode", "")
        if mode == "exact":
            cash, card = total, 0
        elif mode == "rest_card":
            card = max(total - cash, 0)
        payments = [PaymentInput(method, amount) for method, amount in (("cash", cash), ("card", card)) if amount]
        try:
            receipt = book_receipt(
                till=cart.till, staff=cart.responsible(lines), lines=cart.line_inputs(), payments=payments,
                customer=cart.customer, user=request.user,
            )  # fmt: skip
        except BookingError as refused:
            return cart_response(request, cart, error=self._refusal(refused, total, cash + card), typed=typed)
        cart.clear()
        return cart_response(request, Cart(request), booked=receipt)

    @staticmethod
    def _refusal(refused: BookingError, total: int, paid: int) -> str:
        if refused.field == "payments" and 0 < paid < total:
            return _("%(missing)s are missing: the total is %(total)s, %(paid)s are paid.") % {
                "missing": format_amount(total - paid), "total": format_amount(total), "paid": format_amount(paid)
            }  # fmt: skip
        return refused.message


class TillClearView(RoleRequiredMixin, View):
    """Abandon the cart; one with lines is recorded as an aborted receipt (R2)."""

    def post(self, request):
        cart = Cart(request)
        if cart.data["lines"] and cart.till and cart.staff:
            try:
                receipt = abort_receipt(
                    till=cart.till, staff=cart.staff, lines=cart.line_inputs(), customer=cart.customer,
                    user=request.user,
                )  # fmt: skip
                messages.info(request, _("Receipt %(number)s recorded as aborted.") % {"number": receipt.number})
            except BookingError as refused:
                messages.error(request, refused.message)
        cart.clear()
        return redirect("sales:till")


class TillLinkView(RoleRequiredMixin, View):
    """Link a receipt of this till, booked without customer, to the chosen customer (R9)."""

    def post(self, request):
        cart = Cart(request)
        text = typed_text(request.POST.get("receipt"), 12)
        number = parse_int(text, low=1, high=2**31 - 1)
        receipt = Receipt.objects.filter(till=cart.till, number=number).first() if number and cart.till else None
        if receipt is None or cart.customer is None:
            return cart_response(request, cart, error=_("No receipt %(number)s on this till.") % {"number": text})
        try:
            link_receipt(receipt=receipt, customer=cart.customer, user=request.user)
        except BookingError as refused:
            return cart_response(request, cart, error=refused.message)
        return cart_response(request, cart, linked=receipt)
