"""Demo purchase history: about 5 receipts per customer over the last three years, written in bulk.

The receipts are real fiscal records: numbered 1..n per till in time order, sealed exactly as `sales.fiscal`
seals them (with the shop's seller copy of today), priced with `sales.pricing`, paid by cash (with change) or card,
and a few are cancelled; each till's end is anchored when the load ends. The history is built in ROUNDS passes
over the customers; in each pass a customer comes with probability PARTICIPATION, at a time that grows with their
id, so every till's receipts are made in time order without sorting millions of them, and each customer's visits
spread over the three years.

Customers from `demo-receipt-history` (a number series: the first customer id without history) on get
a history; running it again adds receipts only for customers added since.
"""

import functools
import random
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from regulars.core.models import NumberSequence, StaffMember
from regulars.customers.models import Customer
from regulars.sales import anchors, fiscal
from regulars.sales.models import Payment, Receipt, ReceiptLine
from regulars.sales.pricing import contained_vat, discount_for
from regulars.sales.sellers import seller_for

from .bulk import foreign_keys_checked_at_the_end
from .catalog import DemoCatalog
from .ownership import remember_range

HISTORY_SERIES = "demo-receipt-history"
ROUNDS = 10
PARTICIPATION = 0.5
CANCELLED = 0.015  #: share of sales cancelled right after
YEARS = 3
RECEIPTS_PER_COMMIT = 100_000
CHECK_EVERY = 997  #: every so many receipts, the fast hash content is compared with fiscal.content()
OPEN_S, DAY_S = 8 * 3600, 10 * 3600  #: opening hours 8:00-18:00 UTC, Monday to Saturday

RECEIPT_COLUMNS = [
    "id", "till_id", "number", "kind", "created_at", "staff_id", "customer_id", "customer_number", "customer_name",
    "customer_address", "customer_vat_id", "vat_treatment", "total", "change", "cancels_id", "previous_hash", "hash",
    "hash_version", "seller_id",
]  # fmt: skip
LINE_COLUMNS = [
    "receipt_id", "position", "article_id", "service_id", "description", "brand", "quantity", "unit_price",
    "discount", "discount_name", "total", "vat_rate", "vat", "staff_id", "customer_id", "list_price",
    "override_reason",
]  # fmt: skip
PAYMENT_COLUMNS = ["receipt_id", "method", "amount"]


class _Clock:
    """Maps business seconds (opening hours only) onto UTC datetimes between start and end."""

    def __init__(self, start: datetime, end: datetime):
        first = start.date() + timedelta(days=1)
        self.days = [
            first + timedelta(days=i)
            for i in range((end.date() - first).days)
            if (first + timedelta(days=i)).weekday() != 6
        ]
        self.linear = len(self.days) < 7  # a short window (a second run soon after the first): plain time
        self.start = start
        self.seconds = (end - start).total_seconds() if self.linear else len(self.days) * DAY_S

    def at(self, seconds: float) -> datetime:
        if self.linear:
            return self.start + timedelta(seconds=seconds)
        day, rest = divmod(seconds, DAY_S)
        midnight = datetime.combine(self.days[int(day)], datetime.min.time(), tzinfo=UTC)
        return midnight + timedelta(seconds=OPEN_S + rest)


def _snapshot(c: dict) -> tuple:
    full = " ".join(p for p in (c["title"], c["first_name"], c["last_name"]) if p)
    name = " ".join(p for p in (full, c["company"] and f"({c['company']})") if p)
    address = "\n".join(p for p in (c["street"], c["address_extra"], f"{c['postcode']} {c['city']}".strip()) if p)
    return (c["number"], name, address, c["vat_id"], c["vat_treatment"])


def create_history(*, catalog: DemoCatalog, progress=None) -> int:
    """Receipts for every customer without history yet; returns how many receipts were written."""
    seq, _ = NumberSequence.objects.get_or_create(name=HISTORY_SERIES, defaults={"next_value": 1})
    fields = ["id", "number", "title", "first_name", "last_name", "company", "street", "address_extra", "postcode",
              "city", "vat_id", "vat_treatment", "home_shop_id", "regular_staff_id", "service_discount_id",
              "article_discount_id"]  # fmt: skip
    customers = list(Customer.objects.filter(pk__gte=seq.next_value).order_by("pk").values(*fields).iterator(10_000))
    if not customers:
        return 0
    writer = _Writer(catalog, customers)
    with transaction.atomic(), foreign_keys_checked_at_the_end(Receipt, ReceiptLine, Payment):
        written = writer.run(progress)
        NumberSequence.objects.filter(pk=seq.pk).update(next_value=customers[-1]["id"] + 1)
    writer.anchor()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for sql in connection.ops.sequence_reset_sql(no_style(), [Receipt, ReceiptLine, Payment]):
                cursor.execute(sql)
        else:
            cursor.execute("PRAGMA analysis_limit = 1000")  # sampled statistics: the tables are large
        # statistics for the new rows; no VACUUM on PostgreSQL: it would rewrite every page just loaded
        for model in (Receipt, ReceiptLine, Payment):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        if connection.vendor != "postgresql":
            cursor.execute("PRAGMA analysis_limit = 0")
    return written


class _Writer:
    def __init__(self, catalog: DemoCatalog, customers: list[dict]):
        self.catalog = catalog
        self.customers = customers
        self.tills = catalog.tills  # by shop id
        shop_ids = list(self.tills)
        self.dutch_shop = {shop_ids[0]: False, shop_ids[1]: True}
        self.staff = {pk: list(StaffMember.objects.filter(shop_id=pk).values_list("pk", flat=True)) for pk in shop_ids}
        self.discounts = {discount.pk: discount for pair in catalog.discounts.values() for discount in pair}
        self.sellers = {pk: seller_for(till.shop) for pk, till in self.tills.items()}  # by shop id
        self.articles = {
            dutch: [(a.pk, None, a.name, a.brand.name if a.brand_id else "", a.price, a.vat_rate) for a in items]
            for dutch, items in catalog.articles.items()
        }
        self.services = {
            dutch: [(None, s.pk, s.name, "", s.price, s.vat_rate) for s in items]
            for dutch, items in catalog.services.items()
        }
        # where each till's chain goes on
        self.chain = {}
        for till in self.tills.values():
            last = Receipt.objects.filter(till=till).order_by("-number").values_list("number", "hash").first()
            self.chain[till.pk] = last or (0, "")
        last_time = Receipt.objects.aggregate(last=Max("created_at"))["last"]
        now = timezone.now()
        start = now - timedelta(days=365 * YEARS)
        if last_time and last_time > start:
            start = last_time + timedelta(seconds=1)
        self.clock = _Clock(start, now - timedelta(seconds=1))
        self.last_us = {pk: None for pk in self.chain}
        self.next_id = (Receipt.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
        self.sqlite = connection.vendor == "sqlite"
        self.receipts, self.lines, self.payments = [], [], []
        self.written = 0

    @functools.cache  # noqa: B019 (one writer per run)
    def _price(self, item: tuple, quantity: int, discount_id: int | None) -> tuple:
        article_id, service_id, name, brand, price, rate = item
        gross = price * quantity
        discount = self.discounts.get(discount_id)
        off = discount_for(gross, discount)
        total = gross - off
        return (article_id, service_id, name, brand, quantity, price, off, discount.name if off else "", total, rate,
                contained_vat(total, rate))  # fmt: skip

    def anchor(self) -> None:
        """Each till's last receipt, anchored outside the database as a booking anchors it."""
        for till_id, (number, digest) in self.chain.items():
            if number:
                anchors.write(fiscal.till_chain(till_id), number, digest)

    def run(self, progress) -> int:
        per_round = self.clock.seconds / ROUNDS
        for round_number in range(ROUNDS):
            rng = random.Random(f"demo-receipts-{self.customers[0]['id']}-{round_number}")
            visitors = [c for c in self.customers if rng.random() < PARTICIPATION]
            if not visitors:
                continue
            spacing = per_round / len(visitors)
            for position, customer in enumerate(visitors):
                seconds = round_number * per_round + (position + rng.random() * 0.5) * spacing
                self._sale(rng, customer, seconds, min(spacing * 0.25, 600.0))
                if len(self.receipts) >= RECEIPTS_PER_COMMIT:
                    self._flush()
            self._flush()
            if progress:
                progress(round_number + 1, ROUNDS, self.written)
        return self.written

    def _time(self, till_id: int, seconds: float) -> datetime:
        when = self.clock.at(seconds)
        last = self.last_us[till_id]
        if last is not None and when <= last:  # two receipts within the same microsecond: keep the order
            when = last + timedelta(microseconds=1)
        self.last_us[till_id] = when
        return when

    def _sale(self, rng: random.Random, c: dict, seconds: float, cancel_after: float) -> None:
        shop = c["home_shop_id"] if c["home_shop_id"] in self.tills else next(iter(self.tills))
        dutch = self.dutch_shop[shop]
        till_id = self.tills[shop].pk
        staff = c["regular_staff_id"] if c["regular_staff_id"] and rng.random() < 0.8 else rng.choice(self.staff[shop])
        lines = []
        for _ in range(rng.choice((0, 1, 1, 1, 2, 2))):
            lines.append(self._price(rng.choice(self.services[dutch]), 1, c["service_discount_id"]))
        for _ in range(rng.choice((0, 1, 2, 3, 4, 5, 6)) if lines else rng.randrange(1, 5)):
            quantity = 2 if rng.random() < 0.1 else 1
            lines.append(self._price(rng.choice(self.articles[dutch]), quantity, c["article_discount_id"]))
        total = sum(line[8] for line in lines)
        if rng.random() < 0.55:
            payments, change = [("card", total)], 0
        else:
            note = rng.choice((500, 1000, 2000, 5000, 5000, 10000))
            paid = total if rng.random() < 0.2 else -(-total // note) * note
            payments, change = [("cash", paid)], paid - total
        snapshot = _snapshot_cached(c)
        when = self._time(till_id, seconds)
        seller = self.sellers[shop]
        original = self._receipt(till_id, seller, "sale", when, staff, c["id"], snapshot, total, change, None, lines,
                                 payments)  # fmt: skip
        if rng.random() < CANCELLED:
            back = [(method, -amount + (change if method == "cash" else 0)) for method, amount in payments]
            negated = [(a, s, n, b, -q, p, -off, dn, -t, r, -v) for a, s, n, b, q, p, off, dn, t, r, v in lines]
            when = self._time(till_id, seconds + cancel_after * rng.random())
            self._receipt(till_id, seller, "cancellation", when, staff, c["id"], snapshot, -total, 0, original, negated,
                          [p for p in back if p[1]])  # fmt: skip

    def _receipt(self, till_id, seller, kind, when, staff, customer_id, snapshot, total, change, cancels, lines,
                 payments):  # fmt: skip
        number, previous = self.chain[till_id]
        number += 1
        rid = self.next_id
        self.next_id += 1
        number_c, name, address, vat_id, vat_treatment = snapshot
        data = {
            "till": till_id, "number": number, "kind": kind, "created_at": when.isoformat(timespec="microseconds"),
            "staff": staff, "customer": customer_id, "customer_number": number_c, "customer_name": name,
            "customer_address": address, "customer_vat_id": vat_id, "vat_treatment": vat_treatment, "total": total,
            "change": change, "cancels": cancels,
            "lines": [[pos, *line, staff, None, None, None] for pos, line in enumerate(lines, start=1)],
            "payments": sorted([method, amount] for method, amount in payments),
            "version": fiscal.VERSION, "user": None, "user_name": None, "seller": seller.digest,
        }  # fmt: skip
        digest = fiscal.seal(previous, data)
        if rid % CHECK_EVERY == 0:
            _check(data, previous, digest)
        self.chain[till_id] = (number, digest)
        self.receipts.append((
            rid, till_id, number, kind, str(when.replace(tzinfo=None)) if self.sqlite else when, staff, customer_id,
            number_c, name, address, vat_id, vat_treatment, total, change, cancels, previous, digest, fiscal.VERSION,
            seller.pk,
        ))  # fmt: skip
        self.lines.extend((rid, pos, *line, staff, None, None, None) for pos, line in enumerate(lines, start=1))
        self.payments.extend((rid, method, amount) for method, amount in payments)
        return rid

    def _flush(self) -> None:
        if not self.receipts:
            return
        from .bulk import bulk_insert

        bulk_insert(Receipt, RECEIPT_COLUMNS, self.receipts)
        remember_range(Receipt, self.receipts[0][0], self.receipts[-1][0])
        bulk_insert(ReceiptLine, LINE_COLUMNS, self.lines)
        bulk_insert(Payment, PAYMENT_COLUMNS, self.payments)
        for till_id, (number, _hash) in self.chain.items():
            NumberSequence.objects.update_or_create(name=f"receipt-till-{till_id}", defaults={"next_value": number + 1})
        self.written += len(self.receipts)
        self.receipts, self.lines, self.payments = [], [], []


def _snapshot_cached(c: dict) -> tuple:
    snap = c.get("_snapshot")
    if snap is None:
        snap = c["_snapshot"] = _snapshot(c)
    return snap


def _check(data: dict, previous: str, digest: str) -> None:
    """The fast content equals fiscal.content() of the same receipt, and so does the seal."""
    receipt = SimpleNamespace(
        till_id=data["till"], number=data["number"], kind=data["kind"],
        created_at=datetime.fromisoformat(data["created_at"]), staff_id=data["staff"], customer_id=data["customer"],
        customer_number=data["customer_number"], customer_name=data["customer_name"],
        customer_address=data["customer_address"], customer_vat_id=data["customer_vat_id"],
        vat_treatment=data["vat_treatment"], total=data["total"], change=data["change"], cancels_id=data["cancels"],
        hash_version=data["version"], user_id=data["user"], user_name=data["user_name"], previous_hash=previous,
    )  # fmt: skip
    lines = [SimpleNamespace(**dict(zip(
        ["position", "article_id", "service_id", "description", "brand", "quantity", "unit_price", "discount",
         "discount_name", "total", "vat_rate", "vat", "staff_id", "customer_id", "list_price", "override_reason"],
        line, strict=True)))
        for line in data["lines"]]  # fmt: skip
    payments = [SimpleNamespace(method=m, amount=a) for m, a in data["payments"]]
    if fiscal.receipt_seal(receipt, lines, payments, data["seller"]) != digest:
        raise RuntimeError("demo receipt seal differs from sales.fiscal")


def create_receipts_for(*, catalog: DemoCatalog, customer_id: int, count: int) -> int:
    """`count` receipts for one customer after the tills' last ones, e.g. for timing a long receipt list."""
    fields = ["id", "number", "title", "first_name", "last_name", "company", "street", "address_extra", "postcode",
              "city", "vat_id", "vat_treatment", "home_shop_id", "regular_staff_id", "service_discount_id",
              "article_discount_id"]  # fmt: skip
    customer = Customer.objects.values(*fields).get(pk=customer_id)
    writer = _Writer(catalog, [customer])
    rng = random.Random(f"demo-receipts-of-{customer_id}")
    spacing = writer.clock.seconds / count
    with transaction.atomic():
        for i in range(count):
            writer._sale(rng, customer, (i + rng.random() * 0.5) * spacing, min(spacing * 0.25, 600.0))
            if len(writer.receipts) >= RECEIPTS_PER_COMMIT:
                writer._flush()
        writer._flush()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Receipt, ReceiptLine, Payment]):
                cursor.execute(sql)
    return writer.written
