"""Switching the shop one works in now (managers of several shops, administrators)."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from ..ids import parse_id
from ..models import Shop
from ..services import ShopAccessError, switch_shop
from .mixins import RoleRequiredMixin


class SwitchShopView(RoleRequiredMixin, View):
    """Work in another of one's shops: its tills, goods and staff from now on."""

    def post(self, request):
        shop = Shop.objects.filter(pk=parse_id(request.POST.get("shop"))).first()
        try:
            if shop is None:
                raise ShopAccessError(_("There is no such shop."))
            switch_shop(user=request.user, shop=shop)
            messages.success(request, _("You work in %(shop)s now.") % {"shop": shop})
        except ShopAccessError as refused:
            messages.error(request, str(refused))
        back = request.POST.get("next", "/")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = "/"
        return HttpResponseRedirect(back)
