"""Indexes for sorting the customer list by name, postcode, city and creation (each ended by the id, for keyset
paging); the one on the sort name alone gives way to (sort name, id)."""

import regulars.customers.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0007_goods_shop_required'),
        ('core', '0007_hash_api_tokens'),
        ('customers', '0005_customer_number_characters'),
    ]

    operations = [
        migrations.AlterField(
            model_name='customer',
            name='sort_name',
            field=regulars.customers.fields.SearchKeyField(editable=False, max_length=255),
        ),
        migrations.AddIndex(
            model_name='customer',
            index=models.Index(fields=['sort_name', 'id'], name='customer_by_name'),
        ),
        migrations.AddIndex(
            model_name='customer',
            index=models.Index(fields=['postcode', 'id'], name='customer_by_postcode'),
        ),
        migrations.AddIndex(
            model_name='customer',
            index=models.Index(fields=['city', 'id'], name='customer_by_city'),
        ),
        migrations.AddIndex(
            model_name='customer',
            index=models.Index(fields=['created_at', 'id'], name='customer_by_created'),
        ),
    ]
