"""Search keys for names with a Dutch "ij" as spelled, so that "Di" finds "Dijkstra" (L2)."""

from django.db import migrations
from django.db.models import F, Q
from django.db.models.functions import Lower

from regulars.customers.search import name_keys

BATCH = 2000


def add_spelled_keys(apps, schema_editor):
    Customer = apps.get_model("customers", "Customer")
    SearchKey = apps.get_model("customers", "SearchKey")
    with_ij = Q(first_name__icontains="ij") | Q(last_name__icontains="ij") | Q(company__icontains="ij")
    rows = Customer.objects.filter(with_ij).values_list("pk", "first_name", "last_name", "company")
    new = []
    for pk, first_name, last_name, company in rows.iterator(chunk_size=BATCH):
        keys = set(name_keys(first_name, last_name)) | (set(name_keys(company)) if company else set())
        stored = set(SearchKey.objects.filter(customer_id=pk).values_list("key", flat=True))
        new += [SearchKey(customer_id=pk, key=key[:255]) for key in sorted(keys - stored)]
        if len(new) >= BATCH:
            SearchKey.objects.bulk_create(new)
            new = []
    SearchKey.objects.bulk_create(new)


def remove_spelled_keys(apps, schema_editor):
    SearchKey = apps.get_model("customers", "SearchKey")
    spelled = SearchKey.objects.filter(key__contains="ij").annotate(number=Lower("customer__number"))
    spelled.exclude(key=F("number")).delete()  # folded keys never hold "ij"; a customer number may


class Migration(migrations.Migration):
    dependencies = [("customers", "0003_customer_article_discount_customer_service_discount")]

    operations = [migrations.RunPython(add_spelled_keys, remove_spelled_keys)]
