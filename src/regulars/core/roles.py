"""Roles: what a cashier, a manager and an administrator may do (X5).

Each role includes the rights of the roles below it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CASHIER = "cashier", _("Cashier")
    MANAGER = "manager", _("Manager")
    ADMIN = "admin", _("Administrator")


RANK = {Role.CASHIER: 1, Role.MANAGER: 2, Role.ADMIN: 3}


def has_role(user, role: Role) -> bool:
    """True when the user is logged in, active and holds `role` or a higher one."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return RANK.get(user.role, 0) >= RANK[role]
