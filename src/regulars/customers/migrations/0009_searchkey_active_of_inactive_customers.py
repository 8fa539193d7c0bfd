"""The keys of inactive customers say so (SearchKey.active, added by 0008 as true for all)."""

from django.db import migrations


def mark_inactive(apps, schema_editor):
    SearchKey = apps.get_model("customers", "SearchKey")
    SearchKey.objects.filter(customer__active=False).update(active=False)


class Migration(migrations.Migration):
    dependencies = [("customers", "0008_searchkey_active")]

    # backwards 0008 removes the column itself
    operations = [migrations.RunPython(mark_inactive, migrations.RunPython.noop)]
