"""Writing and reading the protocol: the difference between two snapshots of a record becomes entries.

Entries are written once and never changed (audit.models); the one exception is erasure, which removes the
personal values of a record's entries and keeps the entries (erase_personal_values).
"""

import contextlib
import contextvars
from collections.abc import Iterable, Mapping

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from regulars.core.middleware import current_request, current_request_id

from .models import Action, ProtocolEntry
from .registry import LoggedKind, for_model, kind

_actor: contextvars.ContextVar[str] = contextvars.ContextVar("protocol_actor", default="")


@contextlib.contextmanager
def acting_as(name: str):
    """Changes made outside a request (a command such as `regulars demo`) name `name` as their author."""
    token = _actor.set(name)
    try:
        yield
    finally:
        _actor.reset(token)


def acting_user():
    """The logged-in user of the request being answered, or None outside requests."""
    request = current_request.get()
    user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


def record_changes(
    *,
    kind_key: str,
    record_id: int,
    before: Mapping,
    after: Mapping,
    user=None,
    action: Action = Action.CHANGED,
    version: int | None = None,
) -> list[ProtocolEntry]:
    """Write one entry per field whose value differs, each linked to the entry it overwrites.

    `user` defaults to the request's user; secret fields are written as "changed", without their values.
    """
    logged = kind(kind_key)
    changed = [key for key in after if after[key] != before.get(key)]
    if not changed:
        return []
    latest = {}
    if action != Action.CREATED:
        for field in changed:
            entry = (
                ProtocolEntry.objects.filter(kind=kind_key, record_id=record_id, field=field).order_by("-id").first()
            )
            if entry is not None:
                latest[field] = entry
    user = user if getattr(user, "is_authenticated", False) else acting_user()
    entries = [
        ProtocolEntry(
            kind=kind_key,
            record_id=record_id,
            action=action,
            field=field,
            old_value=None if field in logged.secret else before.get(field),
            new_value={"changed": True} if field in logged.secret else after[field],
            supersedes=latest.get(field),
            version=version,
            user=user,
            user_name=user.get_username() if user else _actor.get(),
            request_id=current_request_id.get(),
        )
        for field in changed
    ]
    return ProtocolEntry.objects.bulk_create(entries)


def history(*, kind_key: str, record_id: int) -> QuerySet:
    """The record's entries, newest first."""
    return ProtocolEntry.objects.filter(kind=kind_key, record_id=record_id).order_by("-id")


def history_of(obj) -> QuerySet:
    """The entries of a record of a registered kind, newest first."""
    logged = for_model(type(obj))
    if logged is None:
        return ProtocolEntry.objects.none()
    return history(kind_key=logged.key, record_id=obj.pk)


def changes_since(*, kind_key: str, record_id: int, version: int) -> QuerySet:
    """The entries written after the given version of the record, oldest first."""
    return (
        ProtocolEntry.objects.filter(kind=kind_key, record_id=record_id, version__gt=version)
        .select_related("supersedes")
        .order_by("id")
    )


def erase_personal_values(*, kind_key: str, record_ids: Iterable[int]) -> int:
    """Remove the values of every entry of these records, for a customer's erasure (GDPR art. 17).

    The entries stay: who changed which field when remains provable, what it was set to does not. This is the
    only way an entry ever changes; it is refused for kinds that hold no personal data.
    """
    logged: LoggedKind = kind(kind_key)
    if not logged.personal:
        raise ValueError(f"{kind_key} entries hold no personal data to erase")
    with transaction.atomic():
        entries = ProtocolEntry.objects.filter(kind=kind_key, record_id__in=list(record_ids), erased_at__isnull=True)
        return entries.erase(erased_at=timezone.now())
