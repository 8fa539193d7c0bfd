"""Domain operations of the core: numbering, users, API tokens, list preferences."""

import hashlib
import hmac
import secrets
from collections.abc import Callable

from django.db import connection, transaction

from .models import ApiToken, NumberSequence, Shop, User
from .roles import Role


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
