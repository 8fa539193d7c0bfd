"""Helpers of data migrations that give records a shop (not a migration: the loader skips names with "_")."""

from django.conf import settings


def default_shop(apps):
    """The first shop; a database with records but no shop gets one, in the installation's country."""
    shop_model = apps.get_model("core", "Shop")
    shop = shop_model.objects.order_by("pk").first()
    if shop is None:
        country = settings.REGULARS_DEFAULT_COUNTRY if settings.REGULARS_DEFAULT_COUNTRY in ("DE", "NL") else "DE"
        shop = shop_model.objects.create(name="Shop", country=country, language=settings.LANGUAGE_CODE)
    return shop
