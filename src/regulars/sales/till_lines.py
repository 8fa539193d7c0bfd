"""The cart's lines at the till: add an article or a service, change the quantity, remove a line, book a line to
another customer (R1), change a price or give a discount by hand (managers, with a reason)."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views import View

from regulars.catalog.models import Article, Service
from regulars.catalog.search import search_articles
from regulars.core.fields import MoneyFormField
from regulars.core.ids import parse_id, parse_int, typed_text
from regulars.core.views.mixins import RoleRequiredMixin

from .inputs import MAX_AMOUNT, MAX_QUANTITY
from .pricing import may_override
from .till import Cart, cart_response, customer_refusal, find_customer


def _quantity_error() -> str:
    return _("The quantity must be a whole number from 1 to %(most)s.") % {"most": MAX_QUANTITY}


class TillAddView(RoleRequiredMixin, View):
    """Add an article by EAN scan or name, or a service with its staff member; only of the till's shop."""

    def post(self, request):
        cart = Cart(request)
        shop_id = cart.till.shop_id if cart.till else None
        service_id = parse_id(request.POST.get("service"))
        if service_id is not None:
            service = get_object_or_404(Service, pk=service_id, active=True, shop_id=shop_id)
            staff = cart.shop_staff().filter(pk=parse_id(request.POST.get("service_staff"))).first() or cart.staff
            cart.data["lines"].append({"service": service.pk, "quantity": 1, "staff": staff.pk if staff else None})
            cart.save()
            return cart_response(request, Cart(request))
        quantity = parse_int(request.POST.get("quantity") or 1, low=1, high=MAX_QUANTITY)
        if quantity is None:
            return cart_response(request, cart, error=_quantity_error())
        article, refusal = self._article(request, shop_id)
        if article is None:
            return cart_response(request, cart, error=refusal)
        cart.data["lines"].append({"article": article.pk, "quantity": quantity, "staff": None})
        cart.save()
        return cart_response(request, Cart(request))

    @staticmethod
    def _article(request, shop_id) -> tuple[Article | None, str]:
        code = typed_text(request.POST.get("code"), 100)
        articles = Article.objects.filter(active=True, shop_id=shop_id)
        picked = parse_id(request.POST.get("article"))
        article = articles.filter(pk=picked).first() if picked is not None else None
        article = article or (articles.filter(ean=code).first() if code.isascii() and code.isdecimal() else None)
        if article is None and code and not (code.isascii() and code.isdecimal()):
            matches = list(search_articles(articles, code)[:2])
            if len(matches) > 1:
                return None, _("Several articles match “%(code)s”: please pick one from the list.") % {"code": code}
            article = matches[0] if matches else None
        if article is None:
            return None, _("No article found for “%(code)s”.") % {"code": code}
        return article, ""


class _LineView(RoleRequiredMixin, View):
    """Something done to one line of the cart (by its index); answers the cart, with the refusal if there is one."""

    def post(self, request, index):
        cart = Cart(request)
        line = cart.line(index)
        if line is None:
            return cart_response(request, cart)
        error = self.change(request, cart, index, line)
        if error:
            return cart_response(request, cart, error=error)
        cart.save()
        return cart_response(request, Cart(request))

    def change(self, request, cart: Cart, index: int, line: dict) -> str:
        """Change the line (or the cart's lines); the refusal, or "" when done."""
        raise NotImplementedError


class TillRemoveView(_LineView):
    def change(self, request, cart, index, line):
        del cart.data["lines"][index]
        return ""


class TillQuantityView(_LineView):
    """Change a line's quantity: typed, or one more (+1) or one fewer (-1); never below 1."""

    def change(self, request, cart, index, line):
        step = request.POST.get("step")
        if step in ("1", "-1"):
            quantity = line["quantity"] + int(step)
        else:
            quantity = parse_int(request.POST.get("quantity"), low=1, high=MAX_QUANTITY)
        if quantity is None or not 1 <= quantity <= MAX_QUANTITY:
            return _quantity_error()
        line["quantity"] = quantity
        return ""


class TillLineCustomerView(_LineView):
    """Book one line to another customer than the receipt's (R1), with that customer's discount; or reset it."""

    def change(self, request, cart, index, line):
        customer = None
        if request.POST.get("customer") or request.POST.get("customer_q"):
            customer, number = find_customer(request)
            if refusal := customer_refusal(customer, number):
                return refusal
        line["customer"] = customer.pk if customer else None
        return ""


class TillLineOverrideView(_LineView):
    """A manager changes a line's unit price or gives a discount by hand, with the reason; both stay on the receipt
    line (list price and reason). Empty fields put the line back to the catalogue and the customer's discount."""

    def change(self, request, cart, index, line):
        if not may_override(request.user):
            return _("Only a manager may change a price or give a discount by hand.")
        field = MoneyFormField(required=False, min_cents=0)
        try:
            unit_price = field.clean(request.POST.get("unit_price", ""))
            discount = field.clean(request.POST.get("discount", ""))
        except ValidationError as error:
            return " ".join(error.messages)
        reason = typed_text(request.POST.get("reason"), 200)
        if any(value is not None and value > MAX_AMOUNT for value in (unit_price, discount)):
            return _("Please enter an amount from 0 to 1,000,000.")
        if (unit_price is not None or discount is not None) and not reason:
            return _("Please give the reason for the changed price or discount.")
        line.update(unit_price=unit_price, discount=discount, reason=reason)
        return ""
