"""Creating and changing customers: numbering, search keys, protocol and lost-update checks."""

from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from regulars.audit.models import Action, ProtocolEntry
from regulars.audit.services import changes_since, record_changes
from regulars.audit.values import encode
from regulars.core.services import next_number
from regulars.core.text import fold_words

from .models import (
    Consent,
    ConsentKind,
    Customer,
    CustomerEmail,
    CustomerGroup,
    CustomerPhone,
    SearchKey,
)
from .protocol import KIND, PROTOCOL_FIELDS, consent_value, emails_value, groups_value, phones_value
from .search import keys_for

FIRST_CUSTOMER_NUMBER = 10001
#: what the search keys are made of (search.keys_for): the keys are rewritten only when one of these changes
SEARCHED_FIELDS = {"number", "first_name", "last_name", "company", "city", "postcode", "phones", "emails", "active"}
_RELATED_FIELDS = ["referred_by", "regular_staff", "home_shop", "service_discount", "article_discount"]


class StaleCustomerError(Exception):
    """Someone else saved the customer after the form was opened; their changes are in `changes`."""

    def __init__(self, customer: Customer, changes: list[ProtocolEntry]):
        super().__init__(_("This customer was changed by someone else in the meantime."))
        self.customer = customer
        self.changes = changes


class DuplicateNumberError(Exception):
    """The customer number is taken already."""


@dataclass
class CustomerData:
    """What a form or an API call wants a customer to look like; None leaves a part as it is."""

    fields: dict = field(default_factory=dict)
    phones: list[tuple[str, str]] | None = None
    emails: list[tuple[str, str]] | None = None
    groups: list[CustomerGroup] | None = None
    consents: dict[str, tuple[date, str]] | None = None

    def touches_parts(self) -> bool:
        """Whether phones, e-mails, groups or consents are to change (else they need not be read)."""
        return any(part is not None for part in (self.phones, self.emails, self.groups, self.consents))


@dataclass
class _Parts:
    phones: list[tuple[str, str]]
    emails: list[tuple[str, str]]
    groups: list[CustomerGroup]
    consents: dict[str, tuple[date, str]]

    @classmethod
    def none(cls) -> "_Parts":
        return cls([], [], [], {})

    @classmethod
    def load(cls, customer: Customer) -> "_Parts":
        if customer.pk is None:
            return cls.none()
        return cls(
            phones=[(p.number, p.kind) for p in customer.phones.all()],
            emails=[(e.address, e.kind) for e in customer.emails.all()],
            groups=list(customer.groups.all()),
            consents={c.kind: (c.given_on, c.source) for c in customer.consents.all()},
        )

    def merged(self, data: CustomerData) -> "_Parts":
        return _Parts(
            phones=self.phones if data.phones is None else list(data.phones),
            emails=self.emails if data.emails is None else list(data.emails),
            groups=self.groups if data.groups is None else list(data.groups),
            consents=self.consents if data.consents is None else dict(data.consents),
        )


def _state(customer: Customer, parts: _Parts) -> dict:
    """Every logged field of the customer as the protocol keeps it (audit.values)."""
    state = {name: encode(Customer._meta.get_field(name), getattr(customer, name)) for name in PROTOCOL_FIELDS}
    state["phones"] = phones_value(parts.phones)
    state["emails"] = emails_value(parts.emails)
    state["groups"] = groups_value(parts.groups)
    for kind in ConsentKind.values:
        state[f"consent_{kind}"] = consent_value(parts.consents.get(kind))
    return state


def snapshot(customer: Customer) -> dict:
    """The customer's logged fields as they are stored now."""
    return _state(customer, _Parts.load(customer))


def sort_name(customer: Customer) -> str:
    return " ".join(fold_words(f"{customer.last_name} {customer.first_name} {customer.company}"))[:255]


def index_customer(customer: Customer, parts: _Parts) -> None:
    """Rewrite the customer's search keys from its current data."""
    keys = keys_for(
        number=customer.number,
        first_name=customer.first_name,
        last_name=customer.last_name,
        company=customer.company,
        city=customer.city,
        postcode=customer.postcode,
        phones=[number for number, _kind in parts.phones],
        emails=[address for address, _kind in parts.emails],
    )
    SearchKey.objects.filter(customer=customer).delete()
    SearchKey.objects.bulk_create(SearchKey(customer=customer, key=key, active=customer.active) for key in sorted(keys))


def _write_parts(customer: Customer, old: _Parts, new: _Parts) -> None:
    if new.phones != old.phones:
        customer.phones.all().delete()
        CustomerPhone.objects.bulk_create(CustomerPhone(customer=customer, number=n, kind=k) for n, k in new.phones)
    if new.emails != old.emails:
        customer.emails.all().delete()
        CustomerEmail.objects.bulk_create(CustomerEmail(customer=customer, address=a, kind=k) for a, k in new.emails)
    if {g.pk for g in new.groups} != {g.pk for g in old.groups}:
        customer.groups.set(new.groups)
    if new.consents != old.consents:
        customer.consents.all().delete()
        Consent.objects.bulk_create(
            Consent(customer=customer, kind=kind, given_on=given_on, source=source)
            for kind, (given_on, source) in new.consents.items()
        )


def _save(customer: Customer) -> None:
    try:
        with transaction.atomic():
            customer.save()
    except IntegrityError as error:
        if Customer.objects.filter(number=customer.number).exclude(pk=customer.pk).exists():
            raise DuplicateNumberError(customer.number) from error
        raise


def _is_free_number(value: int) -> bool:
    return not Customer.objects.filter(number=str(value)).exists()


def create_customer(*, data: CustomerData, user) -> Customer:
    """Add a customer to the file; a number is assigned when none is given (C3). Protocolled (P1)."""
    with transaction.atomic():
        customer = Customer(**data.fields)
        if not customer.number:
            customer.number = str(next_number(series="customer", start=FIRST_CUSTOMER_NUMBER, is_free=_is_free_number))
        customer.sort_name = sort_name(customer)
        _save(customer)
        old = _Parts.load(Customer())
        new = old.merged(data)
        _write_parts(customer, old, new)
        index_customer(customer, new)
        after = _state(customer, new)
        record_changes(
            kind_key=KIND, record_id=customer.pk, before={}, after=after, user=user, action=Action.CREATED, version=1
        )
    return customer


def update_customer(*, customer_id: int, data: CustomerData, expected_version: int | None, user) -> Customer:
    """Change a customer; refused with StaleCustomerError when it changed since `expected_version`.

    Every changed field is protocolled with its old value and the entry it overwrites (P1).
    """
    with transaction.atomic():
        locked = Customer.objects.select_for_update(of=("self",)).select_related(*_RELATED_FIELDS)
        customer = locked.get(pk=customer_id)
        if expected_version is not None and customer.version != expected_version:
            changes = changes_since(kind_key=KIND, record_id=customer.pk, version=expected_version)
            raise StaleCustomerError(customer, list(changes))
        # a till booking only sets the regular staff member: phones, e-mails, groups and consents stay unread
        needs_parts = data.touches_parts() or not SEARCHED_FIELDS.isdisjoint(data.fields)
        old_parts = _Parts.load(customer) if needs_parts else _Parts.none()
        before = _state(customer, old_parts)
        for name, value in data.fields.items():
            setattr(customer, name, value)
        if not customer.number:
            customer.number = before["number"]  # an emptied number keeps the old one
        new_parts = old_parts.merged(data)
        after = _state(customer, new_parts)
        if after == before:
            return customer
        customer.version += 1
        customer.sort_name = sort_name(customer)
        _save(customer)
        _write_parts(customer, old_parts, new_parts)
        if any(before[name] != after[name] for name in SEARCHED_FIELDS):
            index_customer(customer, new_parts)
        record_changes(
            kind_key=KIND, record_id=customer.pk, before=before, after=after, user=user, version=customer.version
        )
    return customer
