"""How protocol entries read: the kind, the field and the values in the reader's language."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from regulars.core.fields import CentsField
from regulars.core.money import format_amount

from .models import Action, ProtocolEntry
from .registry import LoggedKind, kind


def _registered(key: str) -> LoggedKind | None:
    try:
        return kind(key)
    except KeyError:
        return None


def field_label(logged: LoggedKind | None, name: str) -> str:
    if logged is None:
        return name
    if name in logged.labels:
        return str(logged.labels[name])
    field = logged.model_field(name)
    return str(field.verbose_name) if field is not None else name


def local_date(iso: str) -> str:
    """An ISO date (or date and time) as the reader's language writes it."""
    try:
        if "T" in iso:
            return date_format(timezone.localtime(datetime.fromisoformat(iso)), "SHORT_DATETIME_FORMAT")
        return date_format(date.fromisoformat(iso), "SHORT_DATE_FORMAT")
    except ValueError:
        return iso


def value_label(logged: LoggedKind | None, name: str, value) -> str:
    """A stored value as the reader understands it: labels of choices and references, local dates, yes/no."""
    if value is None or value == "" or value == []:
        return "—"
    if logged is not None and name in logged.formatters:
        return logged.formatters[name](value)
    if isinstance(value, dict) and "label" in value:
        return str(value["label"])
    if isinstance(value, list):
        return ", ".join(value_label(logged, name, item) for item in value)
    field = logged.model_field(name) if logged is not None else None
    if isinstance(value, bool) or isinstance(field, models.BooleanField):
        return _("yes") if value in (True, "1") else _("no")
    if isinstance(field, models.DateField):
        return local_date(str(value))
    if isinstance(field, CentsField) and isinstance(value, int):
        return format_amount(value)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


@dataclass
class HistoryLine:
    """An entry ready for the history table: "Article changed (ID 5): price from 12,50 to 13,50"."""

    entry: ProtocolEntry
    action: str
    field: str
    old: str
    new: str
    secret: bool
    erased: bool
    overwrites: datetime | None


def _action(logged: LoggedKind | None, entry: ProtocolEntry) -> str:
    label = logged.label if logged is not None else entry.kind
    if entry.action == Action.CREATED:
        return _("%(kind)s created") % {"kind": label.capitalize()}
    return _("%(kind)s changed") % {"kind": label.capitalize()}


def history_lines(entries) -> list[HistoryLine]:
    """Entries ready for the history table, with the change each one overwrites."""
    lines = []
    for entry in entries:
        logged = _registered(entry.kind)
        lines.append(
            HistoryLine(
                entry=entry,
                action=_action(logged, entry),
                field=field_label(logged, entry.field),
                old=value_label(logged, entry.field, entry.old_value),
                new=value_label(logged, entry.field, entry.new_value),
                secret=logged is not None and entry.field in logged.secret,
                erased=entry.erased_at is not None,
                overwrites=entry.supersedes.created_at if entry.supersedes_id else None,
            )
        )
    return lines


def record_url(logged: LoggedKind, record_id: int) -> str:
    """The page of the record, or "" when it has none."""
    if not logged.url_name:
        return ""
    try:
        return reverse(logged.url_name, args=[record_id])
    except NoReverseMatch:
        return ""
