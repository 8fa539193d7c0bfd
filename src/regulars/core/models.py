"""Users, shops, staff members, API tokens and number sequences: what every other app builds on."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries import Countries
from django_countries.fields import CountryField

from . import vat
from .roles import Role, has_role


class TimeStampedModel(models.Model):
    """Adds the created and last-changed timestamps every record shows (C11)."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        abstract = True


class ShopCountries(Countries):
    """A shop lies in a country whose VAT and invoice rules Regulars knows (core.vat)."""

    only = list(vat.COUNTRIES)


class Shop(TimeStampedModel):
    """A shop or salon: a business of its own with its goods, staff, tills and the data its invoices name.

    Its language is the default for its users. Receipts copy the invoice data (name, address, tax numbers, bank,
    footer) as it is when they are booked (sales.Seller), so later changes never alter an old invoice.
    """

    name = models.CharField(_("name"), max_length=150)
    street = models.CharField(_("street and number"), max_length=150, blank=True)
    postcode = models.CharField(_("postcode"), max_length=16, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), countries=ShopCountries, default="DE")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="de")
    vat_id = models.CharField(
        _("VAT ID"), max_length=20, blank=True, help_text=_("USt-IdNr. / btw-identificatienummer, e.g. DE123456789")
    )
    tax_number = models.CharField(
        _("tax number"), max_length=20, blank=True, help_text=_("Steuernummer of the tax office, e.g. 21/815/08150")
    )
    kvk_number = models.CharField(
        _("Chamber of Commerce number"), max_length=8, blank=True, help_text=_("KvK-nummer, 8 digits")
    )
    bank_name = models.CharField(_("bank"), max_length=100, blank=True)
    iban = models.CharField(_("IBAN"), max_length=34, blank=True)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    invoice_footer = models.TextField(
        _("invoice footer"), max_length=1000, blank=True, help_text=_("e.g. managing director, register court")
    )
    currency = models.CharField(_("currency"), max_length=3, choices=[("EUR", "EUR")], default="EUR")

    class Meta:
        ordering = ["name"]
        verbose_name = _("shop")
        verbose_name_plural = _("shops")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who logs in to Regulars, with a role and a language of their own."""

    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.CASHIER)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, blank=True, help_text=_("Empty: the shop's language.")
    )
    shop = models.ForeignKey(
        Shop, verbose_name=_("shop"), null=True, blank=True, on_delete=models.PROTECT,
        help_text=_("The shop the user works in now: its tills, goods and staff."),
    )  # fmt: skip
    shops = models.ManyToManyField(
        Shop, verbose_name=_("further shops"), blank=True, related_name="+",
        help_text=_("Managers of several shops switch between them; cashiers work in their shop only."),
    )  # fmt: skip
    table_columns = models.JSONField(_("list columns"), default=dict, blank=True)
    #: when the last link to choose a new password was mailed (core.services.claim_password_mail keeps them apart)
    password_mail_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def has_role(self, role: Role) -> bool:
        return has_role(self, role)

    @property
    def effective_language(self) -> str:
        if self.language:
            return self.language
        if self.shop_id:
            return self.shop.language
        return settings.LANGUAGE_CODE


class ApiToken(models.Model):
    """A user's key to the REST API, one per user. Only a hash is kept: the key is shown once, when it is issued.

    `prefix` (the key's first characters) finds the row; the SHA-256 `digest` of the whole key proves it.
    """

    user = models.OneToOneField(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_token")
    prefix = models.CharField(max_length=8, db_index=True)
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["user__username"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.user}: {self.prefix}…"


class StaffMember(TimeStampedModel):
    """Someone who serves customers in a shop; not every staff member has a login."""

    name = models.CharField(_("name"), max_length=100)
    shop = models.ForeignKey(Shop, verbose_name=_("shop"), on_delete=models.PROTECT, related_name="staff")
    user = models.OneToOneField(
        User, verbose_name=_("login"), null=True, blank=True, on_delete=models.PROTECT, related_name="staff_member"
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    def __str__(self) -> str:
        return self.name


class NumberSequence(models.Model):
    """The next free number of a named series (customer numbers, later receipts per till)."""

    name = models.CharField(max_length=64, unique=True)
    next_value = models.BigIntegerField(default=1)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}: {self.next_value}"
