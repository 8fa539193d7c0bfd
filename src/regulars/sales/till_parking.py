"""Parking at the till (R2): put the receipt aside, resume a parked one into the empty cart, or abandon it."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views import View

from regulars.core.views.mixins import RoleRequiredMixin

from .models import ParkedReceipt
from .parking import abandon_parked_receipt, park_receipt, resume_receipt
from .services import BookingError
from .till import Cart, cart_response


class TillParkView(RoleRequiredMixin, View):
    """Park the receipt being put together; the cart is empty for the next customer."""

    def post(self, request):
        cart = Cart(request)
        if cart.till is None or cart.staff is None:
            return cart_response(request, cart, error=_("Please choose the till and the staff member."))
        try:
            park_receipt(
                till=cart.till, staff=cart.staff, lines=cart.data["lines"], customer=cart.customer, user=request.user
            )
        except BookingError as refused:
            return cart_response(request, cart, error=refused.message)
        cart.clear()
        return cart_response(request, cart, notice=_("Receipt parked."))


class _ParkedReceiptAction(RoleRequiredMixin, View):
    """Something done with one of the till's parked receipts; answers the cart with a notice or the refusal."""

    def post(self, request, pk):
        cart = Cart(request)
        parked = get_object_or_404(ParkedReceipt, pk=pk, till=cart.till)
        try:
            notice = self.act(cart, parked)
        except BookingError as refused:
            return cart_response(request, cart, error=refused.message)
        return cart_response(request, cart, notice=notice)

    def act(self, cart: Cart, parked: ParkedReceipt) -> str:
        raise NotImplementedError


class TillResumeView(_ParkedReceiptAction):
    """Go on with a parked receipt; only into an empty cart, so that nothing being put together is lost."""

    def act(self, cart: Cart, parked: ParkedReceipt) -> str:
        if cart.data["lines"] or cart.data["customer"]:
            raise BookingError(_("Please pay, park or abandon the current receipt before resuming a parked one."))
        taken = resume_receipt(parked=parked)
        cart.data.update(customer=taken.customer_id, lines=taken.lines, staff=taken.staff_id, till=taken.till_id)
        cart.save()
        return _("Parked receipt resumed.")


class TillAbandonParkedView(_ParkedReceiptAction):
    """Give up a parked receipt: it is recorded as an aborted receipt (R2)."""

    def act(self, cart: Cart, parked: ParkedReceipt) -> str:
        receipt = abandon_parked_receipt(parked=parked, user=cart.request.user)
        return _("Receipt %(number)s recorded as aborted.") % {"number": receipt.number}
