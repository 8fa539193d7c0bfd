"""Writing the protocol: the difference between two snapshots of a customer becomes entries."""

from collections.abc import Mapping

from regulars.core.middleware import current_request_id

from .models import Action, ProtocolEntry


def record_changes(
    *,
    customer,
    before: Mapping[str, str],
    after: Mapping[str, str],
    user,
    action: Action = Action.CHANGED,
) -> list[ProtocolEntry]:
    """Write one entry per field whose value differs, linked to the entry it overwrites."""
    changed = [key for key in after if after[key] != before.get(key, "")]
    if not changed:
        return []
    latest: dict[str, ProtocolEntry] = {}
    if action == Action.CHANGED:
        for field in changed:
            latest_entry = ProtocolEntry.objects.filter(customer=customer, field=field).order_by("-id").first()
            if latest_entry is not None:
                latest[field] = latest_entry
    user = user if getattr(user, "is_authenticated", False) else None
    entries = [
        ProtocolEntry(
            customer=customer,
            action=action,
            field=key,
            old_value=before.get(key, ""),
            new_value=after[key],
            supersedes=latest.get(key),
            version=customer.version,
            user=user,
            user_name=user.get_username() if user else "",
            request_id=current_request_id.get(),
        )
        for key in changed
    ]
    return ProtocolEntry.objects.bulk_create(entries)


def changes_since(*, customer, version: int):
    """The entries written after the given version of the customer, oldest first."""
    return (
        ProtocolEntry.objects.filter(customer=customer, version__gt=version).select_related("supersedes").order_by("id")
    )
