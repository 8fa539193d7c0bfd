"""The two groups every shop starts with (L10): "standard" (entered at the till) and "webshop"."""

from django.db import migrations

DEFAULT_GROUPS = [("standard", "Standard"), ("webshop", "Webshop")]


def add_groups(apps, schema_editor):
    CustomerGroup = apps.get_model("customers", "CustomerGroup")
    for key, name in DEFAULT_GROUPS:
        CustomerGroup.objects.get_or_create(key=key, defaults={"name": name})


def remove_groups(apps, schema_editor):
    CustomerGroup = apps.get_model("customers", "CustomerGroup")
    CustomerGroup.objects.filter(key__in=[key for key, _name in DEFAULT_GROUPS], customers=None).delete()


class Migration(migrations.Migration):
    dependencies = [("customers", "0001_initial")]
    operations = [migrations.RunPython(add_groups, remove_groups)]
