"""The customers' protocol entries as JSON: the record id from the customer, texts as JSON strings, "1"/"0" as
booleans, phones, e-mails, groups, consents and references as structured data.

Plain fields (all but a few hundred rows in a large file) are converted by one statement; the structured ones
row by row. Backwards, the texts are written again as they were; entries of other kinds than customers cannot
exist before this migration and are removed.
"""

import re

from django.db import migrations

REFERENCES = ("referred_by", "regular_staff", "home_shop", "service_discount", "article_discount", "linked_receipt")
BOOLEANS = ("active",)
PARTS = ("phones", "emails", "groups")
STRUCTURED = (*REFERENCES, *BOOLEANS, *PARTS)
BATCH = 1000


def _table(apps):
    return apps.get_model("audit", "ProtocolEntry")._meta.db_table


def _json_text(vendor: str, column: str) -> str:
    if vendor == "postgresql":
        return f"CASE WHEN {column} = '' THEN NULL ELSE to_jsonb({column}) END"
    return f"CASE WHEN {column} = '' THEN NULL ELSE json_quote({column}) END"


def _json_boolean(vendor: str, column: str) -> str:
    cast = "::jsonb" if vendor == "postgresql" else ""
    return f"CASE {column} WHEN '1' THEN 'true'{cast} WHEN '0' THEN 'false'{cast} ELSE NULL END"


def _marks(count: int) -> str:
    return ", ".join(["%s"] * count)


def _structured(field: str, text: str, groups: dict):
    if text == "":
        return None
    if field == "phones":
        return [_pair(part, "number") for part in text.split("; ")]
    if field == "emails":
        return [_pair(part, "address") for part in text.split("; ")]
    if field == "groups":
        return [groups.get(key, {"id": None, "label": key}) for key in text.split(", ")]
    if field.startswith("consent_"):
        given_on, _sep, source = text.partition(" (")
        return {"given_on": given_on, "source": source.rstrip(")")}
    return {"id": None, "label": text}


def _pair(part: str, name: str) -> dict:
    match = re.fullmatch(r"(.*) \((\w*)\)", part)
    return {name: match.group(1), "kind": match.group(2)} if match else {name: part, "kind": ""}


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    table = _table(apps)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET kind = 'customer', record_id = customer_id")  # noqa: S608
        cursor.execute(
            f"UPDATE {table} SET old_json = {_json_text(vendor, 'old_value')}, "  # noqa: S608
            f"new_json = {_json_text(vendor, 'new_value')} "
            f"WHERE field NOT IN ({_marks(len(STRUCTURED))}) AND field NOT LIKE 'consent\\_%%' ESCAPE '\\'",
            STRUCTURED,
        )
        cursor.execute(
            f"UPDATE {table} SET old_json = {_json_boolean(vendor, 'old_value')}, "  # noqa: S608
            f"new_json = {_json_boolean(vendor, 'new_value')} WHERE field IN ({_marks(len(BOOLEANS))})",
            BOOLEANS,
        )
    entry_model = apps.get_model("audit", "ProtocolEntry")
    groups = {g.key: {"id": g.pk, "label": g.name} for g in apps.get_model("customers", "CustomerGroup").objects.all()}
    rows = entry_model.objects.filter(field__in=(*REFERENCES, *PARTS)) | entry_model.objects.filter(
        field__startswith="consent_"
    )
    batch = []
    for entry in rows.order_by("pk").iterator(BATCH):
        entry.old_json = _structured(entry.field, entry.old_value, groups)
        entry.new_json = _structured(entry.field, entry.new_value, groups)
        batch.append(entry)
        if len(batch) == BATCH:
            entry_model.objects.bulk_update(batch, ["old_json", "new_json"])
            batch = []
    entry_model.objects.bulk_update(batch, ["old_json", "new_json"])


def _text(field: str, value, group_keys: dict) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if field == "phones":
        return "; ".join(f"{row['number']} ({row['kind']})" for row in value)
    if field == "emails":
        return "; ".join(f"{row['address']} ({row['kind']})" for row in value)
    if field == "groups":
        return ", ".join(sorted(group_keys.get(row["id"], str(row["label"])) for row in value))
    if isinstance(value, dict) and "given_on" in value:
        return f"{value['given_on']} ({value['source']})"
    if isinstance(value, dict):
        return str(value.get("label", ""))
    return str(value)


def backwards(apps, schema_editor):
    entry_model = apps.get_model("audit", "ProtocolEntry")
    entry_model.objects.exclude(kind="customer").delete()
    group_keys = dict(apps.get_model("customers", "CustomerGroup").objects.values_list("pk", "key"))
    batch = []
    for entry in entry_model.objects.order_by("pk").iterator(BATCH):
        entry.customer_id = entry.record_id
        entry.old_value = _text(entry.field, entry.old_json, group_keys)
        entry.new_value = _text(entry.field, entry.new_json, group_keys)
        batch.append(entry)
        if len(batch) == BATCH:
            entry_model.objects.bulk_update(batch, ["customer", "old_value", "new_value"])
            batch = []
    entry_model.objects.bulk_update(batch, ["customer", "old_value", "new_value"])


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_protocol_any_record"),
        ("customers", "0004_spelled_ij_search_keys"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
