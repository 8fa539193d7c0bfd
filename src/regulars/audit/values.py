"""Values as the protocol keeps them: JSON data that still reads the same when the record has changed since.

A reference keeps the id and the label it had ({"id": 3, "label": "Jana Krüger"}), several references a list of
them, dates their ISO text; a secret field only whether it changed.
"""

import hashlib
from datetime import date, datetime
from decimal import Decimal

from django.db import models

from .registry import LoggedKind

#: what a secret field's value is in a snapshot: a digest, so that a change is seen without keeping the value
SECRET_MARK = "secret"  # noqa: S105 (a key of the snapshot, no secret)


def reference(obj) -> dict | None:
    return None if obj is None else {"id": obj.pk, "label": str(obj)}


def encode(field: models.Field | None, value):
    """A field's value as JSON data; None for empty."""
    if value is None or value == "":
        return None
    if isinstance(field, models.ManyToManyField):
        return sorted((reference(obj) for obj in value), key=lambda ref: ref["id"]) or None
    if field is not None and field.is_relation:
        return reference(value)
    if isinstance(value, bool | int | str | list | dict):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def _secret(value) -> dict | None:
    if not value:
        return None
    return {SECRET_MARK: hashlib.sha256(str(value).encode()).hexdigest()[:16]}


def snapshot(kind: LoggedKind, obj, only: list[str] | None = None) -> dict:
    """Every logged field and part of the record (or `only` these) as JSON data, as it is now."""
    state = {}
    for name in only or kind.fields:
        if name in kind.parts:
            state[name] = kind.parts[name](obj)
            continue
        field = kind.model._meta.get_field(name)
        if name in kind.secret:
            state[name] = _secret(getattr(obj, field.attname))
        elif isinstance(field, models.ManyToManyField):
            state[name] = encode(field, list(getattr(obj, name).all()) if obj.pk else [])
        else:
            state[name] = encode(field, getattr(obj, name))
    return state
