"""The till page (S1, S2, C6): choose the customer, scan articles, add services, take payment.

The cart lives in the session until it is booked; booking goes through services.book_receipt. This module holds
the cart and the page; `till_lines.py` changes the cart's lines, `till_pay.py` settles it, `till_parking.py`
parks it. Every action answers the cart (htmx) or the whole page, and keys work throughout (app.js).
"""

from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from regulars.catalog.models import Article, Service
from regulars.catalog.search import search_articles
from regulars.core.ids import parse_id, parse_int, typed_text
from regulars.core.models import StaffMember
from regulars.core.services import default_staff, shops_of
from regulars.core.views.mixins import RoleRequiredMixin
from regulars.customers.models import Customer, PopupMode
from regulars.customers.search import search

from .models import Till
from .parking import line_inputs, parked_receipts
from .pricing import may_override
from .services import BookingError, LineInput, default_till, price_lines

SESSION_KEY = "till_cart"


class Cart:
    """The receipt being put together at the till, kept in the session.

    `staff` is the staff member at the till (for services, and responsible unless told otherwise); `responsible`
    the one chosen to be responsible for the receipt (C9), if any.
    """

    def __init__(self, request):
        self.request = request
        self.data = request.session.get(SESSION_KEY) or {"customer": None, "lines": [], "staff": None, "till": None}

    def save(self):
        self.request.session[SESSION_KEY] = self.data

    def clear(self):
        keep = {"staff": self.data.get("staff"), "till": self.data.get("till")}
        self.data = {"customer": None, "lines": [], **keep}
        self.save()

    @cached_property
    def customer(self) -> Customer | None:
        if not self.data["customer"]:
            return None
        related = Customer.objects.select_related("service_discount", "article_discount")
        return related.filter(pk=self.data["customer"]).first()

    @cached_property
    def till(self) -> Till | None:
        """The till chosen, if the user may work at it; else the user's default till or the first of their shop."""
        tills = usable_tills(self.request.user)
        chosen = tills.filter(pk=self.data["till"]).first() if self.data.get("till") else None
        if chosen is not None:
            return chosen
        own = default_till(self.request.user)
        if own is not None:
            return own
        return tills.filter(shop_id=self.request.user.shop_id).first() or tills.first()

    @cached_property
    def staff(self) -> StaffMember | None:
        """The staff member chosen, else the user's own; always one who works in the till's shop."""
        if self.till is None:
            return None
        if self.data.get("staff"):
            return self.shop_staff().filter(pk=self.data["staff"]).first()
        own = default_staff(self.request.user)
        return own if own is not None and own.shop_id == self.till.shop_id else None

    def shop_staff(self):
        return self.till.shop.staff.filter(active=True) if self.till else StaffMember.objects.none()

    def line_inputs(self) -> list[LineInput]:
        return line_inputs(self.data["lines"])

    def responsible(self, lines) -> StaffMember | None:
        """Who is responsible for the receipt (C9): the one chosen, else who performed its first service, else the
        staff member at the till."""
        if self.data.get("responsible"):
            chosen = self.shop_staff().filter(pk=self.data["responsible"]).first()
            if chosen is not None:
                return chosen
        performed = next((line.staff for line in lines if line.service_id and line.staff_id), None)
        return performed or self.staff

    def line(self, index: int) -> dict | None:
        return self.data["lines"][index] if 0 <= index < len(self.data["lines"]) else None


def usable_tills(user):
    """The active tills of the shops the user works in."""
    return Till.objects.filter(active=True, shop__in=shops_of(user)).select_related("shop")


def priced_lines(request, cart: Cart) -> tuple[list, str]:
    """The cart's lines priced as they would be booked, and why they cannot be, if so (they stay, to change)."""
    staff, till = cart.staff, cart.till
    if staff is None or till is None or not cart.data["lines"]:
        return [], ""
    pricing = {"customer": cart.customer, "staff": staff, "shop_id": till.shop_id, "user": request.user}
    try:
        return price_lines(lines=cart.line_inputs(), **pricing), ""
    except BookingError as refused:  # e.g. an article taken out of the range: the lines stay, to remove or abandon
        return price_lines(lines=cart.line_inputs(), **pricing, for_sale=False), refused.message


def _context(request, cart: Cart, **extra) -> dict:
    lines, error = priced_lines(request, cart)
    till = cart.till
    context = {
        "cart": cart,
        "customer": cart.customer,
        "staff": cart.staff,
        "till": till,
        "lines": lines,
        "total": sum(line.total for line in lines),
        "responsible": cart.responsible(lines),
        "error": error,
        "staff_members": cart.shop_staff(),
        "tills": usable_tills(request.user),
        # all of the shop's services, filtered on the page as the cashier types
        "services": Service.objects.filter(active=True, shop_id=till.shop_id) if till else Service.objects.none(),
        "parked": parked_receipts(till=till) if till else [],
        "may_override": may_override(request.user),
        "title": _("Till"),
    }
    context.update(extra)
    return context


def cart_response(request, cart: Cart, status: int = 200, **extra):
    template = "sales/_till_cart.html" if request.htmx else "sales/till.html"
    return render(request, template, _context(request, cart, **extra), status=status)


class TillView(RoleRequiredMixin, View):
    def get(self, request):
        return render(request, "sales/till.html", _context(request, Cart(request)))


class TillCustomerSearchView(RoleRequiredMixin, View):
    """Customers as the cashier types, for the receipt or, with `line`, for one line of it (R1)."""

    def get(self, request):
        text = typed_text(request.GET.get("customer_q"), 100)
        rows = search(Customer.objects.filter(active=True), text)[:8] if text.strip() else []
        line = parse_int(request.GET.get("line"), low=0, high=999)
        action = reverse("sales:cart_line_customer", args=[line]) if line is not None else ""
        context = {"rows": rows, "action": action or reverse("sales:cart_customer")}
        return render(request, "sales/_till_customers.html", context)


class TillArticleSearchView(RoleRequiredMixin, View):
    """The till's shop's active articles by name (also inside words), brand or EAN prefix as the cashier types."""

    def get(self, request):
        text = typed_text(request.GET.get("code"), 100)
        till = Cart(request).till
        articles = Article.objects.filter(active=True, shop_id=till.shop_id if till else None).select_related("brand")
        rows = search_articles(articles, text)[:8] if text.strip() else []
        return render(request, "sales/_till_articles.html", {"rows": rows, "text": text.strip()})


def find_customer(request) -> tuple[Customer | None, str]:
    """The customer picked from the results (`customer`) or typed or scanned by number, and the number typed."""
    number = typed_text(request.POST.get("number") or request.POST.get("customer_q"), 32)
    picked = parse_id(request.POST.get("customer"))
    if picked is not None:
        return Customer.objects.filter(pk=picked).first(), number
    return (Customer.objects.filter(number__iexact=number).first() if number else None), number


def customer_refusal(customer: Customer | None, number: str) -> str:
    if customer is None:
        return _("No customer with the number “%(number)s”.") % {"number": number}
    return _("Customer %(name)s is inactive.") % {"name": customer} if not customer.active else ""


class TillCustomerView(RoleRequiredMixin, View):
    """Choose the customer by search or by scanning the customer number (S1); the popup remark (C6) is a dialog the
    cashier confirms. "Next visit" is cleared only when the sale is booked."""

    def post(self, request):
        cart = Cart(request)
        if "customer" in request.POST and not request.POST["customer"]:
            cart.data["customer"] = None
            cart.save()
            return cart_response(request, Cart(request))
        customer, number = find_customer(request)
        if refusal := customer_refusal(customer, number):
            return cart_response(request, cart, error=refusal)
        cart.data["customer"] = customer.pk
        cart.save()
        popup = ""
        if customer.popup_text and customer.popup_mode in (PopupMode.NEXT_VISIT, PopupMode.ALWAYS):
            popup = customer.popup_text
        return cart_response(request, Cart(request), popup=popup)
