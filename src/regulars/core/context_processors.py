"""Navigation entries shown to the user, by role."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .roles import Role, has_role

NAVIGATION = [
    ("customers:list", _("Customers"), Role.CASHIER),
    ("customers:group_list", _("Customer groups"), Role.MANAGER),
    ("core:staff_list", _("Staff"), Role.MANAGER),
    ("core:user_list", _("Users"), Role.ADMIN),
    ("core:shop_list", _("Shops"), Role.ADMIN),
]


def navigation(request):
    user = getattr(request, "user", None)
    items = [
        {"url": reverse(name), "label": label, "active": request.path.startswith(reverse(name))}
        for name, label, role in NAVIGATION
        if has_role(user, role)
    ]
    return {"navigation": items}
