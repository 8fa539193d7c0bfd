"""Articles, services and discounts belong to a shop: by their VAT rate to the first shop of that country,
else (and discounts) to the first shop. 0007 makes the shop required."""

from django.db import migrations

from regulars.core.migrations._shops import default_shop

RATE_COUNTRY = {2100: "NL", 900: "NL", 1900: "DE", 700: "DE"}


def forwards(apps, schema_editor):
    models = [apps.get_model("catalog", name) for name in ("Article", "Service", "Discount")]
    if not any(model.objects.filter(shop__isnull=True).exists() for model in models):
        return
    fallback = default_shop(apps)
    shops = apps.get_model("core", "Shop").objects.order_by("-pk")
    first_of = {shop.country: shop.pk for shop in shops}  # ordered backwards: the first shop of a country wins
    for model in models[:2]:
        for rate, country in RATE_COUNTRY.items():
            model.objects.filter(shop__isnull=True, vat_rate=rate).update(shop_id=first_of.get(country, fallback.pk))
    for model in models:
        model.objects.filter(shop__isnull=True).update(shop_id=fallback.pk)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0005_goods_of_a_shop"), ("core", "0004_staff_in_a_shop")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
