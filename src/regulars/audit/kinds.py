"""The core's records in the protocol: shops, users and staff members (the core itself imports no app of ours)."""

from django.utils.translation import gettext_lazy as _

from regulars.core.models import Shop, StaffMember, User
from regulars.core.roles import Role

from .registry import register

#: what Django keeps on a user besides what an administrator edits, or derives from the role
USER_BOOKKEEPING = ("is_staff", "is_superuser", "groups", "user_permissions", "date_joined", "table_columns")


def register_core_kinds() -> None:
    register(Shop, key="shop", url_name="core:shop_edit", required_role=Role.ADMIN)
    register(
        User, key="user", exclude=USER_BOOKKEEPING, secret=("password",), labels={"password": _("password")},
        url_name="core:user_edit", required_role=Role.ADMIN,
    )  # fmt: skip
    register(StaffMember, key="staff", url_name="core:staff_edit")
