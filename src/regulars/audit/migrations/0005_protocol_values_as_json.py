"""The protocol keeps JSON values only and no longer points at customers (converted by 0004)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_protocol_structured_values")]

    operations = [
        migrations.RemoveIndex(model_name="protocolentry", name="protocol_customer_field"),
        migrations.RemoveField(model_name="protocolentry", name="customer"),
        migrations.RemoveField(model_name="protocolentry", name="old_value"),
        migrations.RemoveField(model_name="protocolentry", name="new_value"),
        migrations.RenameField(model_name="protocolentry", old_name="old_json", new_name="old_value"),
        migrations.RenameField(model_name="protocolentry", old_name="new_json", new_name="new_value"),
        migrations.AlterField(
            model_name="protocolentry", name="record_id", field=models.BigIntegerField(verbose_name="record ID")
        ),
        migrations.AddIndex(
            model_name="protocolentry",
            index=models.Index(fields=["kind", "record_id", "-id"], name="protocol_record"),
        ),
        migrations.AddIndex(
            model_name="protocolentry",
            index=models.Index(fields=["kind", "record_id", "field", "-id"], name="protocol_record_field"),
        ),
    ]
