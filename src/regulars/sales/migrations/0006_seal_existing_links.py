"""Receipts linked to a customer before Regulars 0.2 are numbered and sealed into the links' chain, in the order
they were linked (the functions are frozen copies of sales.fiscal's of this version)."""

import hashlib
import hmac
import json

from django.conf import settings
from django.db import migrations


def _seal(previous_hash: str, data: dict) -> str:
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hmac.new(settings.RECEIPT_KEY.encode(), f"{previous_hash}\n{canonical}".encode(), hashlib.sha256).hexdigest()


def _content(link) -> dict:
    return {
        "number": link.number,
        "receipt": link.receipt_id,
        "receipt_hash": link.receipt.hash,
        "customer": link.customer_id,
        "user": link.user_id,
        "created_at": link.created_at.isoformat(timespec="microseconds"),
    }


def forwards(apps, schema_editor):
    link_model = apps.get_model("sales", "ReceiptLink")
    unsealed = list(link_model.objects.filter(number__isnull=True).select_related("receipt").order_by("created_at", "pk"))
    if not unsealed:
        return
    last = link_model.objects.filter(number__isnull=False).order_by("-number").first()
    number, previous = (last.number, last.hash) if last else (0, "")
    for link in unsealed:
        number += 1
        link.number, link.previous_hash = number, previous
        link.hash = previous = _seal(previous, _content(link))
        link.save(update_fields=["number", "previous_hash", "hash"])
    apps.get_model("core", "NumberSequence").objects.update_or_create(
        name="receipt-links", defaults={"next_value": number + 1}
    )


class Migration(migrations.Migration):
    dependencies = [("sales", "0005_sellers_logins_and_seals"), ("core", "0005_staff_shop_required")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
