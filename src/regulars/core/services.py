"""Domain operations of the core: numbering, users and their passwords, API tokens, list preferences."""

import hashlib
import hmac
import secrets
from collections.abc import Callable
from datetime import timedelta

from axes.utils import reset as reset_failed_logins
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ApiToken, NumberSequence, Shop, StaffMember, User
from .roles import Role, has_role


class ShopAccessError(Exception):
    """The user does not work in the shop asked for; the message says so in the user's language."""


def next_number(*, series: str, start: int = 1, is_free: Callable[[int], bool] | None = None) -> int:
    """Take the next number of a series; two callers at the same moment never get the same one.

    The series' row stays locked until the caller's transaction ends, so a receipt takes its number
    as the last step before the commit. `is_free` lets a series skip numbers that were assigned by hand.
    """
    with transaction.atomic(savepoint=False):
        while True:
            value = _take_number(series)
            if value is None:
                NumberSequence.objects.get_or_create(name=series, defaults={"next_value": start})
            elif is_free is None or is_free(value):
                return value


def _take_number(series: str) -> int | None:
    """Count the series up and return the number taken, or None when the series does not exist yet.

    One UPDATE ... RETURNING (PostgreSQL, SQLite 3.35+): it locks the row and reads it in one round trip.
    """
    table = connection.ops.quote_name(NumberSequence._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET next_value = next_value + 1 WHERE name = %s RETURNING next_value - 1",  # noqa: S608
            [series],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def create_user(
    *,
    username: str,
    role: Role,
    password: str | None,
    shop: Shop | None = None,
    language: str = "",
    first_name: str = "",
    last_name: str = "",
) -> User:
    """Create a login with a role; without a password the user cannot log in until one is set."""
    user = User(username=username, role=role, shop=shop, language=language, first_name=first_name, last_name=last_name)
    user.is_staff = role == Role.ADMIN
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


#: at most one mail with a link to choose a new password per user in this time, however often it is asked for
PASSWORD_MAIL_INTERVAL = timedelta(minutes=5)


def set_password(*, user: User, password: str) -> None:
    """Give the user a new password (the caller's form has checked it against AUTH_PASSWORD_VALIDATORS).

    Protocolled as "password changed", without the value. The user's sessions end (Django keeps a hash of the password
    in each), except one the caller keeps with update_session_auth_hash; so does a lock after failed logins.
    """
    user.set_password(password)
    user.save(update_fields=["password"])
    reset_failed_logins(username=user.username)


def claim_password_mail(*, user: User) -> bool:
    """Whether a link to choose a new password may be mailed to the user now; if so, the next one must wait
    PASSWORD_MAIL_INTERVAL (one conditional UPDATE, so that two requests at the same moment send one mail)."""
    now = timezone.now()
    due = Q(password_mail_sent_at__isnull=True) | Q(password_mail_sent_at__lte=now - PASSWORD_MAIL_INTERVAL)
    return User.objects.filter(due, pk=user.pk).update(password_mail_sent_at=now) == 1


def _token_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def issue_api_token(*, user: User) -> str:
    """Give the user a new API token and return its key, which is shown this once; the previous token stops working."""
    key = secrets.token_hex(20)
    ApiToken.objects.filter(user=user).delete()
    ApiToken.objects.create(user=user, prefix=key[:8], digest=_token_digest(key))
    return key


def revoke_api_token(*, user: User) -> bool:
    """End the user's API token; False when there was none."""
    deleted, _by_model = ApiToken.objects.filter(user=user).delete()
    return bool(deleted)


def api_token_user(*, key: str) -> User | None:
    """The user whose API token KEY is (active or not), else None; the hashes are compared in constant time."""
    digest = _token_digest(key)
    for token in ApiToken.objects.filter(prefix=key[:8]).select_related("user__shop"):
        if hmac.compare_digest(token.digest, digest):
            return token.user
    return None


def save_table_columns(*, user: User, table: str, columns: list[str]) -> None:
    """Remember which columns, in which order, a user wants to see in a list (L4)."""
    prefs = dict(user.table_columns or {})
    prefs[table] = list(columns)
    User.objects.filter(pk=user.pk).update(table_columns=prefs)
    user.table_columns = prefs


def shops_of(user) -> QuerySet[Shop]:
    """The shops a user may work in: every shop for administrators, else their shop and, for managers, their
    further shops. A cashier works at the tills of their own shop only."""
    if has_role(user, Role.ADMIN):
        return Shop.objects.all()
    if not has_role(user, Role.CASHIER):
        return Shop.objects.none()
    if has_role(user, Role.MANAGER):
        return Shop.objects.filter(pk__in=[user.shop_id, *user.shops.values_list("pk", flat=True)])
    return Shop.objects.filter(pk=user.shop_id)


def may_work_at(user, shop_id: int | None) -> bool:
    """Whether the user may book, cancel and keep master data in this shop (see shops_of)."""
    if shop_id is None or not has_role(user, Role.CASHIER):
        return False
    if has_role(user, Role.ADMIN) or user.shop_id == shop_id:
        return True
    return has_role(user, Role.MANAGER) and user.shops.filter(pk=shop_id).exists()


def check_works_at(user, shop: Shop) -> None:
    """ShopAccessError naming both shops when the user does not work in `shop`."""
    if not may_work_at(user, shop.pk):
        own = user.shop.name if getattr(user, "shop_id", None) else _("no shop")
        raise ShopAccessError(_("You work in %(own)s, not in %(shop)s.") % {"own": own, "shop": shop.name})


def switch_shop(*, user: User, shop: Shop) -> None:
    """Make `shop` the one the user works in now (managers of several shops, administrators); protocolled."""
    check_works_at(user, shop)
    if user.shop_id != shop.pk:
        user.shop = shop
        user.save(update_fields=["shop"])


def default_staff(user) -> StaffMember | None:
    """The staff member who logs in as this user, when active: the one a booking names unless told otherwise."""
    staff = getattr(user, "staff_member", None) if getattr(user, "is_authenticated", False) else None
    return staff if staff is not None and staff.active else None
