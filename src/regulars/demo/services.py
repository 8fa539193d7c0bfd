"""Demo data: a German and a Dutch shop, staff, logins and many realistic customers.

Customers are written in bulk (COPY on PostgreSQL, executemany on SQLite) with their phones,
e-mails, groups, search keys and a "created" protocol entry, so that a million take minutes.
Running it again only adds what is missing.
"""

import contextlib
import functools
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from regulars.audit.models import Action, ProtocolEntry
from regulars.audit.services import acting_as
from regulars.core.models import NumberSequence, Shop, StaffMember, User
from regulars.core.roles import Role
from regulars.core.services import create_user
from regulars.core.text import fold_term, fold_words
from regulars.customers.models import Customer, CustomerEmail, CustomerGroup, CustomerPhone, SearchKey
from regulars.customers.search import keys_for, mail_parts, name_keys, place
from regulars.customers.services import FIRST_CUSTOMER_NUMBER

from . import names
from .bulk import bulk_insert
from .catalog import ensure_catalog
from .ownership import check_only_demo_data, remember, remember_created, remember_range
from .receipts import create_history

DEMO_LOGINS = [
    # user name, role, password, shop index, language, the staff member who logs in with it (books at the till)
    ("admin", Role.ADMIN, "regulars-admin", 0, "", ""),
    ("chef", Role.MANAGER, "regulars-chef", 0, "de", "Mehmet Öztürk"),
    ("kasse", Role.CASHIER, "regulars-kasse", 0, "de", "Jana Krüger"),
    ("kassa", Role.CASHIER, "regulars-kassa", 1, "nl", "Sanne de Wit"),
]
BATCH = 5000  #: customers made from one random seed (so the data stays the same whatever is committed when)
COMMIT_EVERY = 50_000  #: customers written in one transaction: fewer, larger commits rewrite fewer index pages
CHECK_EVERY = 997  #: every so many customers, the fast search keys are compared with keys_for()


@dataclass
class DemoResult:
    shops: list[Shop]
    created_customers: int
    logins: list[tuple[str, str, str]]
    created_receipts: int = 0


SHOPS = [
    ("Salon Sonnenschein", {
        "street": "Ehrenstraße 12", "postcode": "50672", "city": "Köln", "country": "DE", "language": "de",
        "vat_id": "DE136695976", "tax_number": "21/815/08150", "bank_name": "Commerzbank Köln",
        "iban": "DE89 3704 0044 0532 0130 00", "bic": "COBADEFFXXX",
        "invoice_footer": "Inhaberin: Sabine Sonnenschein · Amtsgericht Köln HRA 12345",
    }),
    ("Kapsalon De Linde", {
        "street": "Oudegracht 101", "postcode": "3511 AD", "city": "Utrecht", "country": "NL", "language": "nl",
        "vat_id": "NL004495445B01", "kvk_number": "30123456", "bank_name": "ABN AMRO",
        "iban": "NL91 ABNA 0417 1643 00", "bic": "ABNANL2A", "invoice_footer": "Eigenaar: Joost Bakker",
    }),
]  # fmt: skip
STAFF = [["Jana Krüger", "Mehmet Öztürk", "Lisa Weiß"], ["Sanne de Wit", "Joost Bakker"]]
#: groups of regular customers, in each shop's language (L10); VIP is said alike in both
GROUPS = {"vip": "VIP", "stammkunden": "Stammkunden", "vaste-klanten": "Vaste klanten"}


def ensure_shops() -> list[Shop]:
    """The German salon and the Dutch shop, with their invoice data and their staff."""
    shops = remember_created(Shop.objects.get_or_create(name=name, defaults=data) for name, data in SHOPS)
    remember_created(
        StaffMember.objects.get_or_create(name=name, shop=shop)
        for shop, names_ in zip(shops, STAFF, strict=True)
        for name in names_
    )
    return shops


def ensure_logins(shops: list[Shop]) -> list[tuple[str, str, str]]:
    """The demo logins; the manager works in both shops (and switches between them)."""
    logins = []
    for username, role, password, shop_index, language, staff_name in DEMO_LOGINS:
        if not User.objects.filter(username=username).exists():
            user = create_user(
                username=username, role=role, password=password, shop=shops[shop_index], language=language
            )
            remember(User, [user.pk])
            if role == Role.MANAGER:
                user.shops.set(shops)
            staff = StaffMember.objects.filter(name=staff_name, shop=shops[shop_index], user=None).first()
            if staff is not None:
                staff.user = user
                staff.save()
        logins.append((username, password, str(role.label)))
    return logins


def ensure_groups() -> dict[str, CustomerGroup]:
    remember_created(
        CustomerGroup.objects.get_or_create(key=key, defaults={"name": name}) for key, name in GROUPS.items()
    )
    return {group.key: group for group in CustomerGroup.objects.all()}


def _phone(rng: random.Random, country: str) -> str:
    if country == "NL":
        return f"+316{rng.randrange(10_000_000, 99_999_999)}"
    return f"+4915{rng.choice('1279')}{rng.randrange(10_000_000, 99_999_999)}"


def _customer_row(i: int, shops, staff, rng: random.Random):
    dutch = i % 3 == 2
    shop = shops[1] if dutch else shops[0]
    gender = rng.choice(("ms", "mr"))
    first = rng.choice((names.NL_FIRST if dutch else names.DE_FIRST)[gender])
    last = rng.choice(names.NL_LAST if dutch else names.DE_LAST)
    postcode, city = rng.choice(names.NL_CITIES if dutch else names.DE_CITIES)
    street = f"{rng.choice(names.NL_STREETS if dutch else names.DE_STREETS)} {rng.randrange(1, 180)}"
    company = rng.choice(names.COMPANIES_NL if dutch else names.COMPANIES_DE) if rng.random() < 0.04 else ""
    birthday = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 365 * 65)) if rng.random() < 0.7 else None
    return {
        "number": str(FIRST_CUSTOMER_NUMBER + i),
        "first_name": first,
        "last_name": last,
        "company": company,
        "street": street,
        "postcode": postcode,
        "city": city,
        "country": "NL" if dutch else "DE",
        "salutation": gender if rng.random() < 0.9 else "",  # by the first name, or left empty
        "birthday": birthday,
        "shop": shop,
        "staff": rng.choice(staff[shop.pk]) if rng.random() < 0.6 else None,
        "active": rng.random() > 0.03,
        "phone": _phone(rng, "NL" if dutch else "DE") if rng.random() < 0.85 else None,
        "email": f"{_mail_name(first, last)}{i}@{rng.choice(names.MAIL_DOMAINS)}" if rng.random() < 0.7 else None,
    }


# The demo draws names from short lists, so their folded forms are computed once and remembered.


@functools.cache
def _mail_name(first: str, last: str) -> str:
    return f"{fold_words(first)[0]}.{'-'.join(fold_words(last))}"


@functools.cache
def _sort_name(last: str, first: str, company: str) -> str:
    return " ".join(fold_words(f"{last} {first} {company}"))


@functools.cache
def _name_keys(first: str, last: str, company: str) -> frozenset[str]:
    keys = set(name_keys(first, last))
    if company:
        keys.update(name_keys(company))
    return frozenset(keys)


@functools.cache
def _place(city: str, postcode: str) -> str:
    return place(city=city, postcode=postcode)


@functools.cache
def _folded_term(text: str) -> str:
    return fold_term(text)


def _keys(row: dict) -> set[str]:
    """keys_for() of a demo customer, without parsing its phone number and folding its names again.

    The demo's phones are "+49" or "+31" and the national number; its e-mail addresses are a folded name,
    digits and a domain, and folding never joins letters across digits, so the parts fold on their own.
    """
    names, where = _name_keys(row["first_name"], row["last_name"], row["company"]), _place(row["city"], row["postcode"])
    keys = {f"{key} {where}" for key in names} if where else set(names)
    keys.add(row["number"].casefold())
    if row["phone"]:
        country, national = row["phone"][1:3], row["phone"][3:]
        keys.update((f"0{national}", f"{country}{national}", national))
    if row["email"]:
        name, _at, domain = row["email"].partition("@")
        digits_from = len(name.rstrip("0123456789"))
        keys.update(mail_parts(f"{_folded_term(name[:digits_from])}{name[digits_from:]}{_folded_term('@' + domain)}"))
    return {key[:255] for key in keys if key}


def _rows(start: int, stop: int, shops, staff, seed: int) -> Iterator[dict]:
    rng = random.Random(seed)
    for i in range(start, stop):
        yield _customer_row(i, shops, staff, rng)


def create_customers(
    *, total: int, shops: list[Shop], groups: dict[str, CustomerGroup], progress=None, discounts: dict | None = None
) -> int:
    """Make sure there are at least `total` demo customers; returns how many were added.

    `discounts`: each shop's (service discount, article discount); some customers get those of their shop.
    """
    existing = Customer.objects.count()
    if existing >= total:
        return 0
    staff = {shop.pk: list(StaffMember.objects.filter(shop=shop)) for shop in shops}
    discounts = discounts or {}
    next_id = (Customer.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    created = 0
    with _bulk_session():
        for commit_start in range(existing, total, COMMIT_EVERY):
            with transaction.atomic():
                for start in range(commit_start, min(commit_start + COMMIT_EVERY, total), BATCH):
                    stop = min(start + BATCH, total)
                    _write_batch(list(_rows(start, stop, shops, staff, seed=start)), next_id, groups, discounts)
                    remember_range(Customer, next_id, next_id + stop - start - 1)
                    next_id += stop - start
                    created += stop - start
                _advance_sequences(existing + created)  # in the same commit: an interrupted load leaves no gap
            if progress:
                progress(created, total - existing)
    _analyze()
    return created


@contextlib.contextmanager
def _bulk_session(cache_kib: int = 1_000_000):
    """On SQLite, a page cache that holds the search key indexes while loading (64 MB otherwise)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = int(cursor.fetchone()[0])
        cursor.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {before}")


def _write_batch(rows: list[dict], first_id: int, groups: dict, discounts: dict) -> None:
    now = timezone.now()
    customers, phones, emails, memberships, keys, protocol = [], [], [], [], [], []
    for offset, row in enumerate(rows):
        cid = first_id + offset
        service_discount, article_discount = _discount_ids(discounts, row["shop"].pk)
        sort = _sort_name(row["last_name"], row["first_name"], row["company"])
        customers.append((
            cid, row["number"], row["active"], row["salutation"], "", row["first_name"], row["last_name"],
            row["company"], row["street"], "", row["postcode"], row["city"], row["country"], "", row["birthday"],
            None, None, row["staff"].pk if row["staff"] else None, row["shop"].pk, "off", "", "", "", "none", "", 1,
            sort, now, now, service_discount if cid % 12 == 5 else None, article_discount if cid % 9 == 4 else None,
        ))  # fmt: skip
        if row["phone"]:
            phones.append((cid, row["phone"], "mobile"))
        if row["email"]:
            emails.append((cid, row["email"], "private"))
        group = groups["webshop"] if cid % 10 == 0 else groups["standard"]
        memberships.append((cid, group.pk))
        if cid % 25 == 0:
            memberships.append((cid, groups["vip"].pk))
        if cid % 7 == 3:  # regular customers, named in the shop's language
            memberships.append((cid, groups["vaste-klanten" if row["country"] == "NL" else "stammkunden"].pk))
        row_keys = _keys(row)
        if cid % CHECK_EVERY == 0:
            _check_keys(row, row_keys)
        keys.extend((cid, key, row["active"]) for key in row_keys)
        protocol.append(
            (now, "customer", cid, Action.CREATED.value, "number", None, json.dumps(row["number"]), 1, "demo")
        )
    bulk_insert(Customer, CUSTOMER_COLUMNS, customers)
    bulk_insert(CustomerPhone, ["customer_id", "number", "kind"], phones)
    bulk_insert(CustomerEmail, ["customer_id", "address", "kind"], emails)
    bulk_insert(Customer.groups.through, ["customer_id", "customergroup_id"], memberships)
    bulk_insert(SearchKey, ["customer_id", "key", "active"], keys)
    bulk_insert(
        ProtocolEntry,
        ["created_at", "kind", "record_id", "action", "field", "old_value", "new_value", "version", "user_name"],
        protocol,
    )


def _discount_ids(discounts: dict, shop_id: int) -> tuple[int | None, int | None]:
    pair = discounts.get(shop_id)
    return (pair[0].pk, pair[1].pk) if pair else (None, None)


def _check_keys(row: dict, fast: set[str]) -> None:
    expected = keys_for(
        number=row["number"], first_name=row["first_name"], last_name=row["last_name"], company=row["company"],
        city=row["city"], postcode=row["postcode"],
        phones=[row["phone"]] if row["phone"] else [], emails=[row["email"]] if row["email"] else [],
    )  # fmt: skip
    if fast != expected:
        raise RuntimeError(f"demo search keys differ from keys_for(): {sorted(fast ^ expected)}")


CUSTOMER_COLUMNS = [
    "id", "number", "active", "salutation", "title", "first_name", "last_name", "company", "street", "address_extra",
    "postcode", "city", "country", "language", "birthday", "anniversary", "referred_by_id", "regular_staff_id",
    "home_shop_id", "popup_mode", "popup_text", "debtor_number", "vat_id", "vat_treatment", "id_card_number",
    "version", "sort_name", "created_at", "updated_at", "service_discount_id", "article_discount_id",
]  # fmt: skip


def _advance_sequences(total: int) -> None:
    """Move the number series and the id sequences past the rows written in bulk."""
    NumberSequence.objects.update_or_create(name="customer", defaults={"next_value": FIRST_CUSTOMER_NUMBER + total})
    if connection.vendor == "postgresql":
        models = [Customer, CustomerPhone, CustomerEmail, SearchKey, ProtocolEntry, Customer.groups.through]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)


def _analyze() -> None:
    """Fresh planner statistics after a bulk load."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # VACUUM too, which a transaction would refuse: index-only scans need the visibility map it writes
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")


def build(*, customers: int, progress=None, history_progress=None) -> DemoResult:
    """Everything the demo needs; idempotent. ForeignDataError, writing nothing, when the database holds data the
    demo did not create: demo data lives in demo databases only."""
    with transaction.atomic():
        check_only_demo_data()
        with acting_as("regulars demo"):
            shops = ensure_shops()
            logins = ensure_logins(shops)
            groups = ensure_groups()
            catalog = ensure_catalog(shops)
    created = create_customers(
        total=customers, shops=shops, groups=groups, progress=progress, discounts=catalog.discounts
    )
    receipts = create_history(catalog=catalog, progress=history_progress)
    return DemoResult(shops=shops, created_customers=created, logins=logins, created_receipts=receipts)
