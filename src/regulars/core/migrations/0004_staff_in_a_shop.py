"""Every staff member works in a shop: the shop of their login, else the first shop (0005 makes it required)."""

from django.db import migrations

from ._shops import default_shop


def forwards(apps, schema_editor):
    staff_model = apps.get_model("core", "StaffMember")
    orphans = list(staff_model.objects.filter(shop__isnull=True).select_related("user"))
    if not orphans:
        return
    fallback = default_shop(apps)
    for staff in orphans:
        staff.shop_id = staff.user.shop_id if staff.user_id and staff.user.shop_id else fallback.pk
        staff.save(update_fields=["shop"])


class Migration(migrations.Migration):
    dependencies = [("core", "0003_shop_invoice_data_and_user_shops")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
