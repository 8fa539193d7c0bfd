"""Users, shops, staff members, API tokens and number sequences: what every other app builds on."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .roles import Role, has_role


class TimeStampedModel(models.Model):
    """Adds the created and last-changed timestamps every record shows (C11)."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        abstract = True


class Shop(TimeStampedModel):
    """A shop or salon of the business; its language is the default for its users."""

    name = models.CharField(_("name"), max_length=150)
    street = models.CharField(_("street and number"), max_length=150, blank=True)
    postcode = models.CharField(_("postcode"), max_length=16, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), default="DE")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="de")
    vat_id = models.CharField(_("VAT ID"), max_length=20, blank=True)
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
    shop = models.ForeignKey(Shop, verbose_name=_("shop"), null=True, blank=True, on_delete=models.PROTECT)
    table_columns = models.JSONField(_("list columns"), default=dict, blank=True)

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
    """Someone who serves customers; not every staff member has a login."""

    name = models.CharField(_("name"), max_length=100)
    shop = models.ForeignKey(Shop, verbose_name=_("shop"), null=True, blank=True, on_delete=models.PROTECT)
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
