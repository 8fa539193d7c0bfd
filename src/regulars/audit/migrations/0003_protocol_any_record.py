"""The protocol covers every kind of record: a kind and a record id instead of the customer, JSON values beside
the text ones (filled by 0004, the text ones removed by 0005)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_initial"),
        ("customers", "0004_spelled_ij_search_keys"),
    ]

    operations = [
        migrations.AddField(
            model_name="protocolentry",
            name="kind",
            field=models.CharField(default="customer", max_length=32, verbose_name="record kind"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="protocolentry",
            name="record_id",
            field=models.BigIntegerField(null=True, verbose_name="record ID"),
        ),
        migrations.AddField(
            model_name="protocolentry",
            name="old_json",
            field=models.JSONField(blank=True, null=True, verbose_name="old value"),
        ),
        migrations.AddField(
            model_name="protocolentry",
            name="new_json",
            field=models.JSONField(blank=True, null=True, verbose_name="new value"),
        ),
        migrations.AddField(
            model_name="protocolentry",
            name="erased_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="values erased"),
        ),
        migrations.AlterField(
            model_name="protocolentry",
            name="customer",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.PROTECT, related_name="protocol",
                to="customers.customer", verbose_name="customer",
            ),  # fmt: skip
        ),
        migrations.AlterField(
            model_name="protocolentry",
            name="version",
            field=models.PositiveIntegerField(
                blank=True, help_text="The record's version after the change, where it has one.", null=True,
                verbose_name="version",
            ),  # fmt: skip
        ),
        migrations.AlterField(
            model_name="protocolentry",
            name="action",
            field=models.CharField(
                choices=[("created", "created"), ("changed", "changed")], max_length=16, verbose_name="action"
            ),
        ),
    ]
