"""The hash chain of receipts: each receipt's hash covers its content and the previous receipt's hash.

`regulars verify-receipts` recomputes every chain; a row altered behind the application's back
(e.g. in the sqlite3 shell) no longer matches its hash.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

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


def verify_chains() -> list[ChainBreak]:
    """Every receipt of every till checked against its hash, its predecessor and the numbering."""
    breaks = []
    for till in Till.objects.order_by("pk"):
        previous_hash, expected_number = "", 1
        receipts = Receipt.objects.filter(till=till).order_by("number").prefetch_related("lines", "payments")
        for receipt in receipts.iterator(chunk_size=500):
            if receipt.number != expected_number:
                breaks.append(ChainBreak(till, expected_number, "missing"))
            if receipt.previous_hash != previous_hash:
                breaks.append(ChainBreak(till, receipt.number, "previous hash differs"))
            data = content(receipt, receipt.lines.all(), receipt.payments.all())
            if receipt_hash(receipt.previous_hash, data) != receipt.hash:
                breaks.append(ChainBreak(till, receipt.number, "content changed"))
            previous_hash, expected_number = receipt.hash, receipt.number + 1
    return breaks
