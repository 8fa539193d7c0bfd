"""Domain operations of the core: numbering, users, list preferences."""

from collections.abc import Callable

from django.db import transaction
from django.db.models import F

from .models import NumberSequence, Shop, User
from .roles import Role


def next_number(*, series: str, start: int = 1, is_free: Callable[[int], bool] | None = None) -> int:
    """Take the next number of a series; two callers at the same moment never get the same one.

    `is_free` lets a series skip numbers that were assigned by hand.
    """
    with transaction.atomic():
        NumberSequence.objects.get_or_create(name=series, defaults={"next_value": start})
        while True:
            seq = NumberSequence.objects.select_for_update().get(name=series)
            NumberSequence.objects.filter(pk=seq.pk).update(next_value=F("next_value") + 1)
            if is_free is None or is_free(seq.next_value):
                return seq.next_value


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


def save_table_columns(*, user: User, table: str, columns: list[str]) -> None:
    """Remember which columns, in which order, a user wants to see in a list (L4)."""
    prefs = dict(user.table_columns or {})
    prefs[table] = list(columns)
    User.objects.filter(pk=user.pk).update(table_columns=prefs)
    user.table_columns = prefs
