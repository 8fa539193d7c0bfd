"""Search keys of every customer written anew: name keys end with the city and postcode ("müller köln"), and parts
of e-mail addresses get keys of their own ("mueller@", "example.de") (L2).

Backwards nothing is undone: the searches before this migration find the same customers by the new keys.
"""

from collections import defaultdict

from django.db import migrations

from regulars.customers.search import keys_for

BATCH = 2000


def rewrite_keys(apps, schema_editor):
    Customer = apps.get_model("customers", "Customer")
    SearchKey = apps.get_model("customers", "SearchKey")
    CustomerPhone = apps.get_model("customers", "CustomerPhone")
    CustomerEmail = apps.get_model("customers", "CustomerEmail")
    fields = ["pk", "number", "first_name", "last_name", "company", "city", "postcode"]
    last = 0
    while batch := list(Customer.objects.filter(pk__gt=last).order_by("pk").values(*fields)[:BATCH]):
        ids = [row["pk"] for row in batch]
        phones, emails = defaultdict(list), defaultdict(list)
        for customer_id, number in CustomerPhone.objects.filter(customer_id__in=ids).values_list("customer_id", "number"):
            phones[customer_id].append(number)
        for customer_id, address in CustomerEmail.objects.filter(customer_id__in=ids).values_list("customer_id", "address"):
            emails[customer_id].append(address)
        SearchKey.objects.filter(customer_id__in=ids).delete()
        SearchKey.objects.bulk_create(
            SearchKey(customer_id=row["pk"], key=key)
            for row in batch
            for key in sorted(
                keys_for(
                    number=row["number"], first_name=row["first_name"], last_name=row["last_name"],
                    company=row["company"], city=row["city"], postcode=row["postcode"],
                    phones=phones[row["pk"]], emails=emails[row["pk"]],
                )
            )
        )  # fmt: skip
        last = ids[-1]


class Migration(migrations.Migration):
    dependencies = [("customers", "0006_list_sort_indexes")]

    operations = [migrations.RunPython(rewrite_keys, migrations.RunPython.noop)]
