"""Master data is protocolled on every save: before a registered record is saved its stored state is read,
afterwards the difference is written (after NetBox's change logging).

Kinds registered with automatic=False (customers, orders) are written by their app's services instead, which
know the parts that are saved after the record itself (phones, order lines).
"""

from django.db.models.signals import m2m_changed, post_save, pre_save

from .models import Action
from .registry import LoggedKind, for_model
from .services import record_changes
from .values import snapshot

_BEFORE = "_protocol_before"


def _logged(sender) -> LoggedKind | None:
    logged = for_model(sender)
    return logged if logged is not None and logged.automatic else None


def _remember(sender, instance, raw=False, update_fields=None, **kwargs):
    logged = _logged(sender)
    if logged is None or raw:
        return
    if update_fields is not None and not set(update_fields) & set(logged.fields):
        setattr(instance, _BEFORE, None)  # e.g. last_login: nothing logged changes
        return
    stored = sender._base_manager.filter(pk=instance.pk).first() if instance.pk is not None else None
    setattr(instance, _BEFORE, snapshot(logged, stored) if stored is not None else {})


def _record(sender, instance, created, raw=False, **kwargs):
    logged = _logged(sender)
    before = getattr(instance, _BEFORE, None)
    if logged is None or raw or before is None:
        return
    setattr(instance, _BEFORE, None)
    action = Action.CREATED if created else Action.CHANGED
    record_changes(
        kind_key=logged.key, record_id=instance.pk, before=before, after=snapshot(logged, instance), action=action
    )


def _relations(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Changed many-to-many fields of a record (e.g. the shops of a user) are protocolled like its fields."""
    if reverse:
        return
    logged = _logged(type(instance))
    if logged is None:
        return
    names = [n for n in logged.fields if getattr(getattr(type(instance), n, None), "through", None) is sender]
    if not names:
        return
    if action in ("pre_add", "pre_remove", "pre_clear"):
        setattr(instance, f"{_BEFORE}_m2m", snapshot(logged, instance, only=names))
    elif action in ("post_add", "post_remove", "post_clear"):
        before = getattr(instance, f"{_BEFORE}_m2m", None) or {}
        record_changes(
            kind_key=logged.key, record_id=instance.pk, before=before, after=snapshot(logged, instance, only=names)
        )


def connect() -> None:
    """Listen to every save; only registered automatic kinds are protocolled (the check is a dictionary lookup)."""
    pre_save.connect(_remember, dispatch_uid="protocol-before")
    post_save.connect(_record, dispatch_uid="protocol-after")
    m2m_changed.connect(_relations, dispatch_uid="protocol-relations")
