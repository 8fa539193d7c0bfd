"""How protocol entries of a customer read: field names and values in the user's language."""

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regulars.audit.models import ProtocolEntry

from .models import ConsentKind, Customer

PART_LABELS = {
    "phones": gettext_lazy("phone numbers"),
    "emails": gettext_lazy("e-mail addresses"),
    "groups": gettext_lazy("groups"),
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


def value_label(key: str, value: str) -> str:
    if value == "":
        return "—"
    if key in PART_LABELS or key.startswith("consent_"):
        return value
    try:
        field = Customer._meta.get_field(key)
    except FieldDoesNotExist:
        return value
    if field.get_internal_type() == "BooleanField":
        return _("yes") if value == "1" else _("no")
    choices = dict(field.flatchoices) if field.choices else {}
    return str(choices.get(value, value))


@dataclass
class ProtocolLine:
    entry: ProtocolEntry
    field: str
    old: str
    new: str
    overwrites: str


def protocol_lines(entries) -> list[ProtocolLine]:
    """Entries ready for the protocol table: "field from X to Y, overwrites the change of <date>"."""
    lines = []
    for entry in entries:
        overwrites = ""
        if entry.supersedes_id:
            overwrites = date_format(entry.supersedes.created_at, "SHORT_DATETIME_FORMAT")
        lines.append(
            ProtocolLine(
                entry=entry,
                field=field_label(entry.field),
                old=value_label(entry.field, entry.old_value),
                new=value_label(entry.field, entry.new_value),
                overwrites=overwrites,
            )
        )
    return lines
