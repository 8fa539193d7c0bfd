"""Keyset ("seek") paging: a page starts after the sort key of the row before it, so page 500 is as fast as page 1.

A page is the rows after the sort key of the last row shown, in the order of that key (`seek`): with an index on
the sort key, index seeks from where the previous page ended, however deep. The sort key is the list's ordering,
ended by the primary key so that no two rows share it. The cursor that asks for a page carries that key and the
page's number. An ordering that cannot be compared by value (through a relation, on a column that may be empty
(NULL), by an expression) is paged by offset instead; the short lists ordered that way (tills by shop) do not need
more.
"""

import base64
import binascii
import datetime
import decimal
import json
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection
from django.db.models import Field, QuerySet


class InvalidCursor(ValueError):
    """The cursor was not made by this list (changed by hand, or from another sort order)."""


@dataclass(frozen=True)
class SortField:
    """One column of a sort key: the name it is ordered by, its direction and the field that reads its values."""

    name: str
    descending: bool
    field: Field
    attribute: str
    #: no two rows share the value: the key ends here
    unique: bool = False


def sort_key(queryset: QuerySet) -> tuple[SortField, ...] | None:
    """The ordering of `queryset` as a unique key of values, or None when it must be paged by offset."""
    query = queryset.query
    if query.extra_order_by or query.combinator:
        return None
    meta = queryset.model._meta
    terms = query.order_by or (meta.ordering if query.default_ordering else ())
    key: list[SortField] = []
    for term in terms:
        if not isinstance(term, str) or term == "?":
            return None
        name = term.removeprefix("-")
        part = _sort_field(queryset, meta.pk.name if name == "pk" else name, term.startswith("-"))
        if part is None:
            return None
        key.append(part)
        if part.unique:
            return tuple(key)
    return (*key, SortField(meta.pk.name, key[-1].descending if key else False, meta.pk, meta.pk.attname, True))


def _sort_field(queryset: QuerySet, name: str, descending: bool) -> SortField | None:
    """A column of the sort key; an annotation is unique when it is the listed row's own primary key (the
    search's `match_customer`, read from the search key's foreign key)."""
    meta = queryset.model._meta
    annotation = queryset.query.annotations.get(name)
    if annotation is not None:
        return SortField(name, descending, annotation.output_field, name, annotation.output_field is meta.pk)
    try:
        field = meta.get_field(name)
    except FieldDoesNotExist:
        return None  # a lookup through a relation ("shop__name")
    if not field.concrete or field.is_relation or field.null:
        return None
    return SortField(name, descending, field, field.attname, field.primary_key or field.unique)


def ordered(queryset: QuerySet, key: tuple[SortField, ...], backwards: bool = False) -> QuerySet:
    """The queryset in the order of its key (in reverse when going back)."""
    return queryset.order_by(*(("-" if part.descending != backwards else "") + part.name for part in key))


def seek(queryset: QuerySet, key: tuple[SortField, ...], values: tuple, limit: int, backwards: bool = False) -> list:
    """The first `limit` rows after `values` in the order of `key` (before them, nearest first, when going back).

    For a key (city, id) and the row ("Köln", 812): first the rest of Köln (`city = 'Köln' AND id > 812`), then what
    follows (`city > 'Köln'`): each an index seek, however many customers live in Köln. (A comparison of rows,
    `(city, id) > ('Köln', 812)`, would be one query, but SQLite seeks by it only on the first column when the
    second is the rowid.) The next query runs only when the rows so far do not fill the page.
    """
    rows: list = []
    for rest in seeks(queryset, key, values, backwards):
        rows += rest[: limit - len(rows)]
        if len(rows) >= limit:
            break
    return rows


def seeks(queryset: QuerySet, key: tuple[SortField, ...], values: tuple, backwards: bool = False) -> list[QuerySet]:
    """The queries of `seek`, in the order their rows come."""
    in_order = ordered(queryset, key, backwards)
    found = []
    for depth in range(len(key) - 1, -1, -1):
        part = key[depth]
        lookup = "lt" if part.descending != backwards else "gt"
        same = {earlier.name: value for earlier, value in zip(key[:depth], values[:depth], strict=True)}
        found.append(in_order.filter(**same, **{f"{part.name}__{lookup}": values[depth]}))
    return found


@dataclass(frozen=True)
class Cursor:
    """Where a page starts: after (or, going back, before) the row with `values`, or at `offset`; and its number."""

    number: int
    values: tuple = ()
    backwards: bool = False
    offset: int = 0

    def encode(self, key: tuple[SortField, ...] | None) -> str:
        data = [self.number, _signature(key), int(self.backwards), self.offset, [_plain(v) for v in self.values]]
        text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str, key: tuple[SortField, ...] | None) -> "Cursor":
        try:
            text = base64.urlsafe_b64decode(token.encode("ascii") + b"=" * (-len(token) % 4)).decode()
            number, signature, backwards, offset, values = json.loads(text)
            if signature != _signature(key) or not _counts(number, offset) or backwards not in (0, 1):
                raise InvalidCursor(token)
            return cls(number, _parsed(key or (), values), bool(backwards), offset)
        except (UnicodeError, binascii.Error, TypeError, ValueError, OverflowError, ValidationError) as error:
            raise InvalidCursor(token) from error

    @classmethod
    def after(cls, row, key: tuple[SortField, ...], number: int, backwards: bool = False) -> "Cursor":
        return cls(number, tuple(getattr(row, part.attribute) for part in key), backwards)


def _signature(key: tuple[SortField, ...] | None) -> str:
    """The sort order a cursor belongs to: a cursor of another order is refused."""
    return ",".join(("-" if part.descending else "") + part.name for part in key) if key else ""


def _counts(*numbers) -> bool:
    return all(type(n) is int and 0 <= n < 2**31 for n in numbers)


def _plain(value):
    """A value as JSON can carry it; the sort key's fields read it back (`_parsed`)."""
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def _parsed(key: tuple[SortField, ...], values: list) -> tuple:
    """The cursor's values as the database compares them; ValueError or ValidationError when they cannot be."""
    if not isinstance(values, list) or len(values) != (len(key) if key else 0):
        raise InvalidCursor(values)
    parsed = []
    for part, value in zip(key, values, strict=True):
        if not isinstance(value, str | int | float | bool) or (isinstance(value, str) and "\x00" in value):
            raise InvalidCursor(value)
        if isinstance(value, str):
            value.encode("utf-8")  # a lone surrogate cannot be sent to the database
        python = part.field.to_python(value)
        part.field.run_validators(python)
        part.field.get_db_prep_value(python, connection, prepared=False)  # e.g. a datetime beyond the year 9999
        parsed.append(python)
    return tuple(parsed)
