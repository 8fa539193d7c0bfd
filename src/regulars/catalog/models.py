"""What a shop sells: articles with brand and EAN, services, and the discounts customers get (C7)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from regulars.core.fields import CentsField
from regulars.core.models import TimeStampedModel
from regulars.core.text import fold_words

from .validators import validate_ean


class VatRate(models.IntegerChoices):
    """VAT rates of Germany and the Netherlands, in hundredths of a percent."""

    DE_STANDARD = 1900, _("19 % (Germany, standard)")
    DE_REDUCED = 700, _("7 % (Germany, reduced)")
    NL_STANDARD = 2100, _("21 % (Netherlands, standard)")
    NL_REDUCED = 900, _("9 % (Netherlands, reduced)")
    ZERO = 0, _("0 %")


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


class Article(TimeStampedModel):
    """A product sold at the till, scanned by its EAN."""

    name = models.CharField(_("name"), max_length=150)
    ean = models.CharField(_("EAN"), max_length=14, unique=True, null=True, blank=True, validators=[validate_ean])
    brand = models.ForeignKey(Brand, verbose_name=_("brand"), null=True, blank=True, on_delete=models.PROTECT)
    category = models.ForeignKey(
        ArticleCategory, verbose_name=_("category"), null=True, blank=True, on_delete=models.PROTECT
    )
    price = CentsField(_("price"), validators=[MinValueValidator(0)], help_text=_("gross, in cents"))
    vat_rate = models.IntegerField(_("VAT rate"), choices=VatRate.choices, default=VatRate.DE_STANDARD)
    active = models.BooleanField(_("active"), default=True)
    #: the folded words of brand and name ("loreal elvital"), so that "Loreal" finds "L'Oréal" (catalog.search)
    search_text = models.CharField(max_length=300, blank=True, editable=False)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

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


class Service(TimeStampedModel):
    """A service performed by a staff member, e.g. "cut and blow-dry"."""

    name = models.CharField(_("name"), max_length=150)
    price = CentsField(_("price"), validators=[MinValueValidator(0)], help_text=_("gross, in cents"))
    vat_rate = models.IntegerField(_("VAT rate"), choices=VatRate.choices, default=VatRate.DE_STANDARD)
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
    """A fixed discount assigned to customers, applied automatically at the till (C7)."""

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
