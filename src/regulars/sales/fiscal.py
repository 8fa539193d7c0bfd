"""The seal of fiscal records (GoBD, KassenSichV's aim): each till's receipts form a chain, each receipt's hash
covers its content, the seller's data of its day and the previous receipt's hash.

Version 2 (every receipt since Regulars 0.2) is an HMAC-SHA256 with RECEIPT_KEY, a key kept outside the database:
whoever can write to the database but not read the key can change, insert, renumber or re-chain nothing without
it being found. Links of receipts to customers (R9) are a chain of their own. Version 1 receipts (before 0.2)
carry a plain SHA-256 and are checked as they were; once a version 2 receipt follows them, its seal covers them.
Each chain's end is anchored outside the database (sales.anchors), so removing the last receipts is found too.
`regulars verify-receipts` runs verify(); it only reads.
"""

import hashlib
import hmac
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import SimpleNamespace

from django.conf import settings
from django.db.models import Max
from django.utils.translation import gettext as _

from regulars.core.models import NumberSequence

from . import anchors
from .models import Payment, Receipt, ReceiptLine, ReceiptLink, Seller, Till

VERSION = 2
LINKS_CHAIN = "links"
LINK_SERIES = "receipt-links"


def till_chain(till_id: int) -> str:
    return f"till-{till_id}"


def receipt_series(till_id: int) -> str:
    return f"receipt-till-{till_id}"


def _canonical(data: dict) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def seal(previous_hash: str, data: dict) -> str:
    """The keyed hash of a record's content after its predecessor's hash (version 2)."""
    message = f"{previous_hash}\n{_canonical(data)}".encode()
    return hmac.new(settings.RECEIPT_KEY.encode(), message, hashlib.sha256).hexdigest()


def receipt_hash(previous_hash: str, data: dict) -> str:
    """The plain SHA-256 of version 1 receipts (before Regulars 0.2), kept to check them as they were sealed."""
    return hashlib.sha256(f"{previous_hash}\n{_canonical(data)}".encode()).hexdigest()


def seller_digest(seller) -> str:
    """What a seller copy says, as one digest: in the receipt's content, and checked against the copy's fields."""
    return hashlib.sha256(_canonical({name: getattr(seller, name) for name in Seller.FIELDS}).encode()).hexdigest()


def _lines(lines: Iterable, version: int) -> list[list]:
    rows = []
    for line in sorted(lines, key=lambda line: line.position):
        row = [
            line.position, line.article_id, line.service_id, line.description, line.brand, line.quantity,
            line.unit_price, line.discount, line.discount_name, line.total, line.vat_rate, line.vat, line.staff_id,
            line.customer_id,
        ]  # fmt: skip
        if version >= 2:
            row += [line.list_price, line.override_reason]
        rows.append(row)
    return rows


def content(receipt, lines: Iterable, payments: Iterable, seller_hash: str = "") -> dict:
    """Everything a receipt says, in a form that is the same before saving and after reading back."""
    version = receipt.hash_version or 1
    data = {
        "till": receipt.till_id,
        "number": receipt.number,
        "kind": receipt.kind,
        "created_at": receipt.created_at.isoformat(timespec="microseconds"),
        "staff": receipt.staff_id,
        "customer": receipt.customer_id,
        "customer_number": receipt.customer_number,
        "customer_name": receipt.customer_name,
        "customer_address": receipt.customer_address,
        "customer_vat_id": receipt.customer_vat_id,
        "vat_treatment": receipt.vat_treatment,
        "total": receipt.total,
        "change": receipt.change,
        "cancels": receipt.cancels_id,
        "lines": _lines(lines, version),
        "payments": sorted([payment.method, payment.amount] for payment in payments),
    }
    if version >= 2:
        data.update(version=version, user=receipt.user_id, user_name=receipt.user_name, seller=seller_hash)
    return data


def receipt_seal(receipt, lines, payments, seller_hash: str) -> str:
    """The hash a receipt must carry, by its version."""
    data = content(receipt, lines, payments, seller_hash)
    if (receipt.hash_version or 1) >= 2:
        return seal(receipt.previous_hash, data)
    return receipt_hash(receipt.previous_hash, data)


def link_content(link, receipt_hash_: str) -> dict:
    return {
        "number": link.number,
        "receipt": link.receipt_id,
        "receipt_hash": receipt_hash_,
        "customer": link.customer_id,
        "user": link.user_id,
        "created_at": link.created_at.isoformat(timespec="microseconds"),
    }


# --- verification ------------------------------------------------------------------------------------------------


@dataclass
class ChainBreak:
    """A place where the records do not match their seal, numbering or anchor, in words for the owner."""

    chain: str
    number: int | None
    reason: str
    label: str = ""  #: the chain as the owner knows it, e.g. "till Kasse 1 (Salon Sonnenschein)"

    def __str__(self) -> str:
        where = self.label or self.chain
        if self.number is not None:
            where = _("%(chain)s, number %(number)s") % {"chain": where, "number": self.number}
        return f"{where}: {self.reason}"


def _labels(breaks: list[ChainBreak]) -> None:
    tills = {till_chain(till.pk): till for till in Till.objects.select_related("shop")}
    for chain_break in breaks:
        till = tills.get(chain_break.chain)
        if till is not None:
            chain_break.label = _("till “%(till)s” (%(shop)s)") % {"till": till.name, "shop": till.shop.name}
        elif chain_break.chain.startswith("till-"):
            chain_break.label = _("till with ID %(id)s") % {"id": chain_break.chain.removeprefix("till-")}
        elif chain_break.chain == LINKS_CHAIN:
            chain_break.label = _("receipts linked to customers")
        elif chain_break.chain.startswith("seller-"):
            chain_break.label = _("seller data with ID %(id)s") % {"id": chain_break.chain.removeprefix("seller-")}


#: what content() reads of a receipt, its lines and payments; verify() reads just these, as plain rows
RECEIPT_FIELDS = [
    "id", "till_id", "number", "kind", "created_at", "staff_id", "customer_id", "customer_number", "customer_name",
    "customer_address", "customer_vat_id", "vat_treatment", "total", "change", "cancels_id", "previous_hash", "hash",
    "hash_version", "user_id", "user_name", "seller_id",
]  # fmt: skip
LINE_FIELDS = [
    "receipt_id", "position", "article_id", "service_id", "description", "brand", "quantity", "unit_price", "discount",
    "discount_name", "total", "vat_rate", "vat", "staff_id", "customer_id", "list_price", "override_reason",
]  # fmt: skip
CHUNK = 1000


def _rows_by_receipt(model, fields: list[str], receipt_ids: list[int]) -> dict[int, list[SimpleNamespace]]:
    rows = defaultdict(list)
    for row in model.objects.filter(receipt_id__in=receipt_ids).order_by().values(*fields):
        rows[row["receipt_id"]].append(SimpleNamespace(**row))
    return rows


def _receipts(till_id: int) -> Iterator[tuple[SimpleNamespace, list, list]]:
    """A till's receipts in number order (all numbers, also those outside the series), a chunk at a time."""
    last = None
    while True:
        rows = Receipt.objects.filter(till_id=till_id).order_by("number")
        if last is not None:
            rows = rows.filter(number__gt=last)
        chunk = list(rows.values(*RECEIPT_FIELDS)[:CHUNK])
        if not chunk:
            return
        ids = [row["id"] for row in chunk]
        lines = _rows_by_receipt(ReceiptLine, LINE_FIELDS, ids)
        payments = _rows_by_receipt(Payment, ["receipt_id", "method", "amount"], ids)
        for row in chunk:
            yield SimpleNamespace(**row), lines[row["id"]], payments[row["id"]]
        last = chunk[-1]["number"]


def _sellers(breaks: list[ChainBreak]) -> dict[int, str]:
    """The digest of every seller copy, recomputed from its fields; a copy changed since is reported."""
    digests = {}
    for seller in Seller.objects.order_by("pk"):
        digest = seller_digest(seller)
        if digest != seller.digest:
            breaks.append(ChainBreak(f"seller-{seller.pk}", None, _("the seller's data was changed")))
        digests[seller.pk] = digest
    return digests


def _series_ends() -> dict[str, int]:
    return dict(NumberSequence.objects.filter(name__startswith="receipt-").values_list("name", "next_value"))


def _check_anchor(chain: str, last_number: int, hashes: dict[int, str], breaks: list[ChainBreak]) -> None:
    anchor = anchors.read(chain)
    if anchor is None:
        return
    if not anchor.intact:
        breaks.append(ChainBreak(chain, anchor.number, _("the anchor outside the database was changed")))
    elif last_number < anchor.number:
        breaks.append(
            ChainBreak(
                chain, anchor.number, _("the records after number %(number)s were removed") % {"number": last_number}
            )
        )
    elif anchor.number in hashes and hashes[anchor.number] != anchor.hash:
        breaks.append(ChainBreak(chain, anchor.number, _("differs from the anchor outside the database")))


def _verify_till(till_id: int, sellers: dict[int, str], series_end: int | None, breaks: list[ChainBreak]) -> int:
    """Check one till's chain; returns how many receipts it has."""
    chain = till_chain(till_id)
    previous_hash, expected, sealed_v2, count = "", 1, False, 0
    hashes: dict[int, str] = {}
    for receipt, lines, payments in _receipts(till_id):
        count += 1
        if receipt.number < 1 or (series_end is not None and receipt.number >= series_end):
            breaks.append(ChainBreak(chain, receipt.number, _("number outside the till's series")))
            continue
        if receipt.number != expected:
            breaks.append(ChainBreak(chain, expected, _("missing")))
        if receipt.previous_hash != previous_hash:
            breaks.append(ChainBreak(chain, receipt.number, _("not chained to the receipt before it")))
        version = receipt.hash_version or 1
        if version < 2 and sealed_v2:
            breaks.append(ChainBreak(chain, receipt.number, _("an unsealed receipt after sealed ones")))
        seller_hash = sellers.get(receipt.seller_id, "") if receipt.seller_id else ""
        if receipt_seal(receipt, lines, payments, seller_hash) != receipt.hash:
            breaks.append(ChainBreak(chain, receipt.number, _("content changed")))
        sealed_v2 = sealed_v2 or version >= 2
        hashes[receipt.number] = receipt.hash
        previous_hash, expected = receipt.hash, receipt.number + 1
    _check_anchor(chain, expected - 1, hashes, breaks)
    return count


def _verify_links(breaks: list[ChainBreak]) -> None:
    previous_hash, expected = "", 1
    hashes: dict[int, str] = {}
    links = ReceiptLink.objects.select_related("receipt").order_by("number", "pk")
    for link in links.iterator(CHUNK):
        if link.number is None:
            breaks.append(
                ChainBreak(
                    LINKS_CHAIN, None, _("receipt %(id)s was linked outside the chain") % {"id": link.receipt_id}
                )
            )
            continue
        if link.number != expected:
            breaks.append(ChainBreak(LINKS_CHAIN, expected, _("missing")))
        if link.previous_hash != previous_hash:
            breaks.append(ChainBreak(LINKS_CHAIN, link.number, _("not chained to the link before it")))
        if seal(link.previous_hash, link_content(link, link.receipt.hash)) != link.hash:
            breaks.append(ChainBreak(LINKS_CHAIN, link.number, _("the link was changed")))
        hashes[link.number] = link.hash
        previous_hash, expected = link.hash, link.number + 1
    _check_anchor(LINKS_CHAIN, expected - 1, hashes, breaks)


@dataclass
class Verification:
    receipts: int
    breaks: list[ChainBreak]


def verify() -> Verification:
    """Every chain checked: sellers, each till's receipts (also of tills that no longer exist), the links, and
    the anchors outside the database (also of chains whose records are all gone)."""
    breaks: list[ChainBreak] = []
    sellers = _sellers(breaks)
    series = _series_ends()
    known_tills = set(Till.objects.values_list("pk", flat=True))
    till_ids = set(Receipt.objects.order_by().values_list("till_id", flat=True).distinct())
    count = 0
    for till_id in sorted(till_ids | known_tills):
        if till_id not in known_tills:
            breaks.append(ChainBreak(till_chain(till_id), None, _("receipts of a till that does not exist")))
        count += _verify_till(till_id, sellers, series.get(receipt_series(till_id)), breaks)
    _verify_links(breaks)
    checked = {till_chain(pk) for pk in till_ids | known_tills} | {LINKS_CHAIN}
    for chain in anchors.chains():
        if chain not in checked:
            _check_anchor(chain, 0, {}, breaks)
    _labels(breaks)
    return Verification(receipts=count, breaks=breaks)


def last_link_number() -> int:
    return ReceiptLink.objects.aggregate(last=Max("number"))["last"] or 0
