"""Search keys know whether their customer is active, and the index of keys holds it (the quick search counts
active customers from the index alone)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('customers', '0007_search_keys_with_place_and_mail_parts'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='searchkey',
            name='searchkey_key',
        ),
        migrations.AddField(
            model_name='searchkey',
            name='active',
            field=models.BooleanField(default=True),
        ),
        migrations.AddIndex(
            model_name='searchkey',
            index=models.Index(fields=['key', 'customer', 'active'], name='searchkey_key'),
        ),
    ]
