"""The hash chain of receipts: each receipt's hash covers its content and the previous receipt's hash.

`regulars verify-receipts` recomputes every chain; a row altered behind the application's back
(e.g. in the sqlite3 shell) no longer matches its hash.
"""

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import SimpleNamespace

from .models import Payment, Receipt, ReceiptLine, Till


def content(receipt: Receipt, lines: Iterable[ReceiptLine], payments: Iterable[Payment]) -> dict:
    """Everything a receipt says, in a form that is the same before saving and after reading back."""
    return {
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
        "lines": [
            [
                line.position,
                line.article_id,
                line.service_id,
                line.description,
                line.brand,
                line.quantity,
                line.unit_price,
                line.discount,
                line.discount_name,
                line.total,
                line.vat_rate,
                line.vat,
                line.staff_id,
                line.customer_id,
            ]
            for line in sorted(lines, key=lambda line: line.position)
        ],  # fmt: skip
        "payments": sorted([payment.method, payment.amount] for payment in payments),
    }


def receipt_hash(previous_hash: str, data: dict) -> str:
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{previous_hash}\n{canonical}".encode()).hexdigest()


@dataclass
class ChainBreak:
    till: Till
    number: int
    reason: str


#: what content() reads of a receipt, its lines and payments; verify_chains() reads just these, as plain rows
RECEIPT_FIELDS = [
    "id", "till_id", "number", "kind", "created_at", "staff_id", "customer_id", "customer_number", "customer_name",
    "customer_address", "customer_vat_id", "vat_treatment", "total", "change", "cancels_id", "previous_hash", "hash",
]  # fmt: skip
LINE_FIELDS = [
    "receipt_id", "position", "article_id", "service_id", "description", "brand", "quantity", "unit_price", "discount",
    "discount_name", "total", "vat_rate", "vat", "staff_id", "customer_id",
]  # fmt: skip
CHUNK = 1000


def _rows_by_receipt(model, fields: list[str], receipt_ids: list[int]) -> dict[int, list[SimpleNamespace]]:
    rows = defaultdict(list)
    for row in model.objects.filter(receipt_id__in=receipt_ids).order_by().values(*fields):
        rows[row["receipt_id"]].append(SimpleNamespace(**row))
    return rows


def _chain(till: Till) -> Iterator[tuple[SimpleNamespace, list, list]]:
    """The till's receipts in number order with their lines and payments, as plain rows, a chunk at a time."""
    last = 0
    while True:
        chunk = list(
            Receipt.objects.filter(till=till, number__gt=last).order_by("number").values(*RECEIPT_FIELDS)[:CHUNK]
        )
        if not chunk:
            return
        ids = [row["id"] for row in chunk]
        lines = _rows_by_receipt(ReceiptLine, LINE_FIELDS, ids)
        payments = _rows_by_receipt(Payment, ["receipt_id", "method", "amount"], ids)
        for row in chunk:
            yield SimpleNamespace(**row), lines[row["id"]], payments[row["id"]]
        last = chunk[-1]["number"]


def verify_chains() -> list[ChainBreak]:
    """Every receipt of every till checked against its hash, its predecessor and the numbering."""
    breaks = []
    for till in Till.objects.order_by("pk"):
        previous_hash, expected_number = "", 1
        for receipt, lines, payments in _chain(till):
            if receipt.number != expected_number:
                breaks.append(ChainBreak(till, expected_number, "missing"))
            if receipt.previous_hash != previous_hash:
                breaks.append(ChainBreak(till, receipt.number, "previous hash differs"))
            if receipt_hash(receipt.previous_hash, content(receipt, lines, payments)) != receipt.hash:
                breaks.append(ChainBreak(till, receipt.number, "content changed"))
            previous_hash, expected_number = receipt.hash, receipt.number + 1
    return breaks
