"""Navigation entries shown to the user, by role."""

from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from .roles import Role, has_role
from .services import shops_of

NAVIGATION = [
    ("customers:list", _("Customers"), Role.CASHIER),
    ("sales:till", _("Till"), Role.CASHIER),
    ("core:master_data", _("Master data"), Role.MANAGER),
]

#: the master data hub: (heading, [(url name, label, least role)])
MASTER_DATA = [
    (
        _("Customers"),
        [("customers:group_list", _("Customer groups"), Role.MANAGER)],
    ),
    (
        _("Articles and services"),
        [
            ("catalog:article_list", _("Articles"), Role.MANAGER),
            ("catalog:brand_list", _("Brands"), Role.MANAGER),
            ("catalog:category_list", _("Article categories"), Role.MANAGER),
            ("catalog:service_list", _("Services"), Role.MANAGER),
            ("catalog:discount_list", _("Discounts"), Role.MANAGER),
            ("catalog:copy", _("Copy a catalogue to another shop"), Role.MANAGER),
        ],
    ),
    (
        _("Business"),
        [
            ("core:staff_list", _("Staff members"), Role.MANAGER),
            ("core:shop_list", _("Shops"), Role.ADMIN),
            ("sales:till_list", _("Tills"), Role.ADMIN),
            ("communication:mailaccount_list", _("Mail accounts"), Role.ADMIN),
            ("core:user_list", _("Users"), Role.ADMIN),
        ],
    ),
]


def navigation(request):
    user = getattr(request, "user", None)
    items = [
        {"url": reverse(name), "label": label, "active": _is_under(request.path, name)}
        for name, label, role in NAVIGATION
        if has_role(user, role)
    ]
    return {"navigation": items, "my_shops": SimpleLazyObject(lambda: list(shops_of(user)))}


def _is_under(path: str, name: str) -> bool:
    if name == "core:master_data":
        return not path.startswith(reverse("customers:list")) or path.startswith("/customers/groups/")
    return path.startswith(reverse(name)) and not path.startswith("/customers/groups/")


def master_data_sections(user) -> list[tuple[str, list[tuple[str, str]]]]:
    """The hub's sections with the links this user may open."""
    sections = []
    for heading, links in MASTER_DATA:
        allowed = [(reverse(name), label) for name, label, role in links if has_role(user, role)]
        if allowed:
            sections.append((heading, allowed))
    return sections
