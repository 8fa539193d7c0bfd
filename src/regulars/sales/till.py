"""The till page (S1, S2, C6): choose the customer, scan articles, add services, take payment.

The cart lives in the session until it is booked; booking goes through services.book_receipt.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from regulars.catalog.models import Article, Service
from regulars.catalog.search import search_articles
from regulars.core.fields import MoneyFormField
from regulars.core.ids import parse_id
from regulars.core.models import StaffMember
from regulars.core.services import default_staff, shops_of
from regulars.core.views.mixins import RoleRequiredMixin
from regulars.customers.models import Customer, PopupMode
from regulars.customers.search import search

from .models import Receipt, Till
from .parking import line_inputs, parked_receipts
from .services import (
    BookingError,
    LineInput,
    PaymentInput,
    abort_receipt,
    book_receipt,
    default_till,
    link_receipt,
    price_lines,
)

SESSION_KEY = "till_cart"


class Cart:
    """The receipt being put together at the till, kept in the session."""

    def __init__(self, request):
        self.request = request
        self.data = request.session.get(SESSION_KEY) or {"customer": None, "lines": [], "staff": None, "till": None}

    def save(self):
        self.request.session[SESSION_KEY] = self.data

    def clear(self):
        keep = {"staff": self.data.get("staff"), "till": self.data.get("till")}
        self.data = {"customer": None, "lines": [], **keep}
        self.save()

    @property
    def customer(self) -> Customer | None:
        return Customer.objects.filter(pk=self.data["customer"]).first() if self.data["customer"] else None

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
        staff = self.till.shop.staff.filter(active=True)
        if self.data.get("staff"):
            return staff.filter(pk=self.data["staff"]).first()
        own = default_staff(self.request.user)
        return own if own is not None and own.shop_id == self.till.shop_id else None

    def line_inputs(self) -> list[LineInput]:
        return line_inputs(self.data["lines"])


def usable_tills(user):
    """The active tills of the shops the user works in."""
    return Till.objects.filter(active=True, shop__in=shops_of(user)).select_related("shop")


def _context(request, cart: Cart, **extra) -> dict:
    staff, till = cart.staff, cart.till
    priced, error = [], ""
    if staff is not None and till is not None and cart.data["lines"]:
        pricing = {"customer": cart.customer, "staff": staff, "shop_id": till.shop_id, "user": request.user}
        try:
            priced = price_lines(lines=cart.line_inputs(), **pricing)
        except BookingError as refused:  # e.g. an article taken out of the range: the lines stay, to remove or abandon
            error = refused.message
            priced = price_lines(lines=cart.line_inputs(), **pricing, for_sale=False)
    return {
        "cart": cart,
        "customer": cart.customer,
        "staff": staff,
        "till": cart.till,
        "lines": priced,
        "total": sum(line.total for line in priced),
        "error": error,
        "staff_members": till.shop.staff.filter(active=True) if till else StaffMember.objects.none(),
        "tills": usable_tills(request.user),
        # all of the shop's services, filtered on the page as the cashier types
        "services": Service.objects.filter(active=True, shop_id=till.shop_id) if till else Service.objects.none(),
        "parked": parked_receipts(till=cart.till) if cart.till else [],
        "title": _("Till"),
        **extra,
    }


def cart_response(request, cart: Cart, **extra):
    template = "sales/_till_cart.html" if request.htmx else "sales/till.html"
    return render(request, template, _context(request, cart, **extra))


class TillView(RoleRequiredMixin, View):
    def get(self, request):
        return render(request, "sales/till.html", _context(request, Cart(request)))


class TillCustomerSearchView(RoleRequiredMixin, View):
    """Customers as the cashier types, for the receipt or, with `line`, for one line of it (R1)."""

    def get(self, request):
        text = request.GET.get("customer_q", "")[:100]
        rows = search(Customer.objects.filter(active=True), text)[:8] if text.strip() else []
        line = request.GET.get("line", "")
        action = reverse("sales:cart_line_customer", args=[int(line)]) if line.isdecimal() and len(line) < 5 else ""
        context = {"rows": rows, "action": action or reverse("sales:cart_customer")}
        return render(request, "sales/_till_customers.html", context)


class TillArticleSearchView(RoleRequiredMixin, View):
    """Active articles by name, brand or EAN prefix as the cashier types, to add one with a tap or Enter."""

    def get(self, request):
        text = request.GET.get("code", "")[:100]
        till = Cart(request).till
        articles = Article.objects.filter(active=True, shop_id=till.shop_id if till else None).select_related("brand")
        rows = search_articles(articles, text)[:8] if text.strip() else []
        return render(request, "sales/_till_articles.html", {"rows": rows, "text": text.strip()})


def _find_customer(request) -> tuple[Customer | None, str]:
    """The customer picked from the results (`customer`) or typed or scanned by number, and the number typed."""
    number = (request.POST.get("number") or request.POST.get("customer_q") or "").strip()[:32]
    found = (
        Customer.objects.filter(pk=request.POST.get("customer"))
        if request.POST.get("customer", "").isdecimal()
        else None
    )
    return (found or Customer.objects.filter(number__iexact=number)).first() if (found or number) else None, number


def _refusal(customer: Customer | None, number: str) -> str:
    if customer is None:
        return _("No customer with the number “%(number)s”.") % {"number": number}
    return _("Customer %(name)s is inactive.") % {"name": customer} if not customer.active else ""


class TillCustomerView(RoleRequiredMixin, View):
    """Choose the customer by search or by scanning the customer number (S1); shows the popup remark (C6)."""

    def post(self, request):
        cart = Cart(request)
        if "customer" in request.POST and not request.POST["customer"]:
            cart.data["customer"] = None
            cart.save()
            return cart_response(request, cart)
        customer, number = _find_customer(request)
        if refusal := _refusal(customer, number):
            return cart_response(request, cart, error=refusal)
        cart.data["customer"] = customer.pk
        cart.save()
        popup = ""
        if customer.popup_text and customer.popup_mode in (PopupMode.NEXT_VISIT, PopupMode.ALWAYS):
            popup = customer.popup_text  # "next visit" is cleared when this visit's sale is booked (services)
        return cart_response(request, cart, popup=popup)


class TillAddView(RoleRequiredMixin, View):
    """Add an article by EAN scan or name, or a service with its staff member."""

    def post(self, request):
        cart = Cart(request)
        shop_id = cart.till.shop_id if cart.till else None
        if request.POST.get("service", "").isdecimal():
            service = get_object_or_404(Service, pk=request.POST["service"], active=True, shop_id=shop_id)
            staff = request.POST.get("service_staff") or (cart.staff.pk if cart.staff else None)
            cart.data["lines"].append({"service": service.pk, "quantity": 1, "staff": staff and int(staff)})
            cart.save()
            return cart_response(request, cart)
        code = request.POST.get("code", "").strip()[:100]
        articles = Article.objects.filter(active=True, shop_id=shop_id)
        picked = request.POST.get("article", "")
        article = articles.filter(pk=picked).first() if picked.isdecimal() else None
        article = article or (articles.filter(ean=code).first() if code.isdecimal() else None)
        if article is None and code and not code.isdecimal():
            matches = list(search_articles(articles, code)[:2])
            if len(matches) > 1:
                error = _("Several articles match “%(code)s”: please pick one from the list.") % {"code": code}
                return cart_response(request, cart, error=error)
            article = matches[0] if matches else None
        if article is None:
            return cart_response(request, cart, error=_("No article found for “%(code)s”.") % {"code": code})
        quantity = int(request.POST.get("quantity") or 1) if str(request.POST.get("quantity") or 1).isdecimal() else 0
        if quantity < 1:
            return cart_response(request, cart, error=_("The quantity must be at least 1."))
        cart.data["lines"].append({"article": article.pk, "quantity": quantity, "staff": None})
        cart.save()
        return cart_response(request, cart)


class TillRemoveView(RoleRequiredMixin, View):
    def post(self, request, index):
        cart = Cart(request)
        if 0 <= index < len(cart.data["lines"]):
            del cart.data["lines"][index]
            cart.save()
        return cart_response(request, cart)


class TillLineCustomerView(RoleRequiredMixin, View):
    """Book one line to another customer than the receipt's (R1), with that customer's discount; or reset it."""

    def post(self, request, index):
        cart = Cart(request)
        if not 0 <= index < len(cart.data["lines"]):
            return cart_response(request, cart)
        customer = None
        if request.POST.get("customer") or request.POST.get("customer_q"):
            customer, number = _find_customer(request)
            if refusal := _refusal(customer, number):
                return cart_response(request, cart, error=refusal)
        cart.data["lines"][index]["customer"] = customer.pk if customer else None
        cart.save()
        return cart_response(request, cart)


class TillSettingsView(RoleRequiredMixin, View):
    """Which till and which staff member book."""

    def post(self, request):
        cart = Cart(request)
        till = usable_tills(request.user).filter(pk=parse_id(request.POST.get("till"))).first()
        if till is not None and cart.till is not None and till.shop_id != cart.till.shop_id:
            if cart.data["lines"]:
                error = _("Please pay, park or abandon the receipt before changing to a till of another shop.")
                return cart_response(request, cart, error=error)
            cart.data["staff"] = None  # the staff member worked in the other shop
        if till is not None:
            cart.data["till"] = till.pk
        staff = parse_id(request.POST.get("staff"))
        if staff is not None:
            cart.data["staff"] = staff
        cart.save()
        return cart_response(request, Cart(request))


class TillPayView(RoleRequiredMixin, View):
    """Take payment by cash, card or both, and book the receipt."""

    def post(self, request):
        cart = Cart(request)
        field = MoneyFormField(required=False)
        try:
            cash = field.clean(request.POST.get("cash", "")) or 0
            card = field.clean(request.POST.get("card", "")) or 0
        except Exception:  # noqa: BLE001 - ValidationError with a translated message
            return cart_response(request, cart, error=_("Please type the amounts like 12,50."))
        payments = [PaymentInput(method, amount) for method, amount in (("cash", cash), ("card", card)) if amount]
        if cart.till is None or cart.staff is None:
            return cart_response(request, cart, error=_("Please choose the till and the staff member."))
        try:
            receipt = book_receipt(
                till=cart.till,
                staff=cart.staff,
                lines=cart.line_inputs(),
                payments=payments,
                customer=cart.customer,
                user=request.user,
            )
        except BookingError as refused:
            return cart_response(request, cart, error=refused.message)
        cart.clear()
        return cart_response(request, cart, booked=receipt)


class TillClearView(RoleRequiredMixin, View):
    """Abandon the cart; one with lines is recorded as an aborted receipt (R2)."""

    def post(self, request):
        cart = Cart(request)
        if cart.data["lines"] and cart.till and cart.staff:
            try:
                receipt = abort_receipt(
                    till=cart.till, staff=cart.staff, lines=cart.line_inputs(), customer=cart.customer,
                    user=request.user,
                )
                messages.info(request, _("Receipt %(number)s recorded as aborted.") % {"number": receipt.number})
            except BookingError as refused:
                messages.error(request, refused.message)
        cart.clear()
        return redirect("sales:till")


class TillLinkView(RoleRequiredMixin, View):
    """Link a receipt of this till, booked without customer, to the chosen customer (R9)."""

    def post(self, request):
        cart = Cart(request)
        number = request.POST.get("receipt", "").strip()
        receipt = (
            Receipt.objects.filter(till=cart.till, number=int(number)).first()
            if number.isdecimal() and cart.till and len(number) < 10
            else None
        )
        if receipt is None or cart.customer is None:
            return cart_response(request, cart, error=_("No receipt %(number)s on this till.") % {"number": number})
        try:
            link_receipt(receipt=receipt, customer=cart.customer, user=request.user)
        except BookingError as refused:
            return cart_response(request, cart, error=refused.message)
        return cart_response(request, cart, linked=receipt)
