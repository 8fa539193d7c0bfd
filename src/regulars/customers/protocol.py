"""The customer in the protocol: its logged fields and parts, and how their values read (P1).

Customers are protocolled by their services (create_customer, update_customer), which know the phones,
e-mails, groups and consents saved beside the customer row; the protocol's registry only learns the labels.
"""

from django.utils.translation import gettext_lazy

from regulars.audit.display import local_date
from regulars.audit.registry import register
from regulars.audit.values import encode
from regulars.core.roles import Role

from .models import MASTER_FIELDS, ConsentKind, ConsentSource, Customer, CustomerGroup, PhoneKind
from .validators import format_phone

KIND = "customer"
#: master-data fields written one by one, in the order of the form; the groups follow as a part
PROTOCOL_FIELDS = tuple(name for name in MASTER_FIELDS if name != "groups")
CONSENT_FIELDS = tuple(f"consent_{kind}" for kind in ConsentKind.values)
PART_LABELS = {
    "phones": gettext_lazy("phone numbers"),
    "emails": gettext_lazy("e-mail addresses"),
    "groups": gettext_lazy("groups"),
    "linked_receipt": gettext_lazy("receipt linked afterwards"),
    **{f"consent_{kind}": label for kind, label in ConsentKind.choices},
}


def _phones(value: list[dict]) -> str:
    return "; ".join(
        f"{format_phone(row['number'])} ({PhoneKind(row['kind']).label if row['kind'] in PhoneKind.values else ''})"
        for row in value
    )


def _emails(value: list[dict]) -> str:
    return "; ".join(row["address"] for row in value)


def _consent(value: dict) -> str:
    source = value.get("source", "")
    label = ConsentSource(source).label if source in ConsentSource.values else source
    return f"{local_date(value.get('given_on', ''))}, {label}"


def register_customers() -> None:
    register(
        Customer,
        key=KIND,
        fields=(*PROTOCOL_FIELDS, "phones", "emails", "groups", *CONSENT_FIELDS, "linked_receipt"),
        labels=PART_LABELS,
        formatters={"phones": _phones, "emails": _emails, **dict.fromkeys(CONSENT_FIELDS, _consent)},
        personal=True,
        automatic=False,
        url_name="customers:detail",
        required_role=Role.CASHIER,
    )
    register(CustomerGroup, key="customer_group", url_name="customers:group_edit")


def phones_value(phones: list[tuple[str, str]]) -> list[dict] | None:
    return [{"number": number, "kind": kind} for number, kind in phones] or None


def emails_value(emails: list[tuple[str, str]]) -> list[dict] | None:
    return [{"address": address, "kind": kind} for address, kind in emails] or None


def consent_value(given) -> dict | None:
    return {"given_on": given[0].isoformat(), "source": given[1]} if given else None


def groups_value(groups) -> list[dict] | None:
    return encode(Customer._meta.get_field("groups"), groups)
