"""What a shop sells: articles with brand and EAN, services, and the discounts customers get (C7).

Articles, services and discounts belong to a shop, at the VAT rates of its country (core.vat); brands and
categories are shared by the chain. A chain copies a catalogue to another shop (services.copy_catalogue).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from regulars.core.fields import CentsField
from regulars.core.models import Shop, TimeStampedModel
from regulars.core.text import fold_words
from regulars.core.vat import VatRate, rates_for

from .validators import validate_ean

__all__ = ["Article", "ArticleCategory", "Brand", "Discount", "Service", "ShopGoods", "VatRate"]


def _shop():
    return models.ForeignKey(Shop, verbose_name=_("shop"), on_delete=models.PROTECT, related_name="+")


class ShopGoods(TimeStampedModel):
    """Base of what a shop sells: it belongs to the shop and has a VAT rate of the shop's country."""

    shop = _shop()
    vat_rate = models.IntegerField(_("VAT rate"), choices=VatRate.choices, default=VatRate.DE_STANDARD)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.shop_id and self.vat_rate not in rates_for(self.shop.country):
            rates = ", ".join(str(VatRate(rate).label) for rate in rates_for(self.shop.country))
            raise ValidationError(
                {"vat_rate": _("%(shop)s sells at the VAT rates of its country: %(rates)s.")
                 % {"shop": self.shop, "rates": rates}}
            )  # fmt: skip


class Brand(TimeStampedModel):
    """A brand of articles; customers can later be found by the brands they bought (L3)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("brand")
        verbose_name_plural = _("brands")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        articles = list(self.article_set.all())  # the articles are found by the brand's name too
        for article in articles:
            article.search_text = searchable(self.name, article.name)
        Article.objects.bulk_update(articles, ["search_text"], batch_size=500)


class ArticleCategory(TimeStampedModel):
    """A group of articles, e.g. "hair care"."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("article category")
        verbose_name_plural = _("article categories")

    def __str__(self) -> str:
        return self.name


class Article(ShopGoods):
    """A product a shop sells at its tills, scanned by its EAN (unique within the shop)."""

    name = models.CharField(_("name"), max_length=150)
    ean = models.CharField(_("EAN"), max_length=14, null=True, blank=True, validators=[validate_ean])
    brand = models.ForeignKey(Brand, verbose_name=_("brand"), null=True, blank=True, on_delete=models.PROTECT)
    category = models.ForeignKey(
        ArticleCategory, verbose_name=_("category"), null=True, blank=True, on_delete=models.PROTECT
    )
    price = CentsField(_("price"), validators=[MinValueValidator(0)], help_text=_("gross, in cents"))
    active = models.BooleanField(_("active"), default=True)
    #: the folded words of brand and name ("loreal elvital"), so that "Loreal" finds "L'Oréal" (catalog.search)
    search_text = models.CharField(max_length=300, blank=True, editable=False)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [models.UniqueConstraint(fields=["shop", "ean"], name="article_ean_per_shop")]

    def __str__(self) -> str:
        return f"{self.brand} {self.name}" if self.brand_id else self.name

    def save(self, *args, **kwargs):
        self.search_text = searchable(self.brand.name if self.brand_id else "", self.name)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)


def searchable(*texts: str) -> str:
    """Texts as the article search compares them: folded words with a space before each."""
    return "".join(f" {word}" for text in texts for word in fold_words(text))[:300]


class Service(ShopGoods):
    """A service a shop's staff performs, e.g. "cut and blow-dry"."""

    name = models.CharField(_("name"), max_length=150)
    price = CentsField(_("price"), validators=[MinValueValidator(0)], help_text=_("gross, in cents"))
    duration = models.PositiveIntegerField(_("duration in minutes"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self) -> str:
        return self.name


class DiscountKind(models.TextChoices):
    PERCENT = "percent", _("percent")
    AMOUNT = "amount", _("amount per line")


class DiscountScope(models.TextChoices):
    SERVICES = "services", _("services")
    ARTICLES = "articles", _("articles")


class Discount(TimeStampedModel):
    """A fixed discount of a shop assigned to customers, applied automatically at that shop's tills (C7)."""

    shop = _shop()
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=8, choices=DiscountKind.choices, default=DiscountKind.PERCENT)
    percent = models.PositiveIntegerField(
        _("percent"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10000)],
        help_text=_("in hundredths of a percent: 1000 = 10 %"),
    )
    amount = CentsField(_("amount"), null=True, blank=True, validators=[MinValueValidator(1)])
    applies_to = models.CharField(_("applies to"), max_length=8, choices=DiscountScope.choices)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("discount")
        verbose_name_plural = _("discounts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="percent", percent__isnull=False, amount__isnull=True)
                | models.Q(kind="amount", amount__isnull=False, percent__isnull=True),
                name="discount_percent_or_amount",
            )
        ]

    def __str__(self) -> str:
        return self.name
