"""How protocol entries of a customer read: field names and values in the user's language."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import FieldDoesNotExist
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regulars.audit.models import ProtocolEntry

from .models import ConsentKind, ConsentSource, Customer, CustomerGroup, PhoneKind
from .validators import format_phone

PART_LABELS = {
    "phones": gettext_lazy("phone numbers"),
    "emails": gettext_lazy("e-mail addresses"),
    "groups": gettext_lazy("groups"),
    "linked_receipt": gettext_lazy("receipt linked afterwards"),
}


def field_label(key: str) -> str:
    if key in PART_LABELS:
        return str(PART_LABELS[key])
    if key.startswith("consent_"):
        kind = key.removeprefix("consent_")
        return str(ConsentKind(kind).label) if kind in ConsentKind.values else key
    try:
        return str(Customer._meta.get_field(key).verbose_name)
    except FieldDoesNotExist:
        return key


def value_label(key: str, value: str, group_names: dict[str, str] | None = None) -> str:
    """A stored value as the reader understands it: labels of choices, local dates, formatted phones."""
    if value == "":
        return "—"
    if key == "phones":
        return "; ".join(_phone_label(part) for part in value.split("; "))
    if key == "groups":
        return ", ".join((group_names or {}).get(k, k) for k in value.split(", "))
    if key.startswith("consent_"):
        given_on, _sep, source = value.partition(" (")
        source = source.rstrip(")")
        label = ConsentSource(source).label if source in ConsentSource.values else source
        return f"{_local_date(given_on)}, {label}"
    if key in PART_LABELS:
        return value
    try:
        field = Customer._meta.get_field(key)
    except FieldDoesNotExist:
        return value
    if field.get_internal_type() == "BooleanField":
        return _("yes") if value == "1" else _("no")
    if field.get_internal_type() == "DateField":
        return _local_date(value)
    choices = dict(field.flatchoices) if field.choices else {}
    return str(choices.get(value, value))


def _local_date(iso: str) -> str:
    try:
        return date_format(date.fromisoformat(iso), "SHORT_DATE_FORMAT")
    except ValueError:
        return iso


def _phone_label(part: str) -> str:
    """ "+491711234567 (mobile)" as "+49 171 1234567 (mobile)" in the reader's language."""
    number, _sep, kind = part.partition(" (")
    kind = kind.rstrip(")")
    label = PhoneKind(kind).label if kind in PhoneKind.values else kind
    return f"{format_phone(number)} ({label})" if kind else format_phone(number)


@dataclass
class ProtocolLine:
    entry: ProtocolEntry
    field: str
    old: str
    new: str
    overwrites: datetime | None


def protocol_lines(entries) -> list[ProtocolLine]:
    """Entries ready for the protocol table: "field from X to Y, overwrites the change of <date>"."""
    entries = list(entries)
    group_names = (
        {g.key: str(g) for g in CustomerGroup.objects.all()} if any(e.field == "groups" for e in entries) else {}
    )
    lines = []
    for entry in entries:
        overwrites = entry.supersedes.created_at if entry.supersedes_id else None
        lines.append(
            ProtocolLine(
                entry=entry,
                field=field_label(entry.field),
                old=value_label(entry.field, entry.old_value, group_names),
                new=value_label(entry.field, entry.new_value, group_names),
                overwrites=overwrites,
            )
        )
    return lines
