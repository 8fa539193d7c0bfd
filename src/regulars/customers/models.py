"""The customer file: master data, phones, e-mails, groups, consents (C1-C4, C9-C11, T1-T3, T5, L10)."""

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from regulars.core.models import Shop, StaffMember, TimeStampedModel

from .fields import SearchKeyField
from .validators import validate_customer_number, validate_past_date


class NeverDeletedError(Exception):
    """Customers are deactivated or anonymised, never deleted (G4)."""


class CustomerGroup(TimeStampedModel):
    """A group or customer type; "standard" and "webshop" exist from the start (L10)."""

    key = models.SlugField(_("key"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=100)
    active = models.BooleanField(_("active"), default=True)

    DEFAULT_NAMES = {"standard": _("Standard"), "webshop": _("Webshop")}

    class Meta:
        ordering = ["name"]
        verbose_name = _("customer group")
        verbose_name_plural = _("customer groups")

    def __str__(self) -> str:
        default = self.DEFAULT_NAMES.get(self.key)
        return str(default) if default and self.name == self.key.capitalize() else self.name


class Salutation(models.TextChoices):
    NONE = "", "—"
    MS = "ms", _("Ms")
    MR = "mr", _("Mr")
    MX = "mx", _("Mx")
    COMPANY = "company", _("Company")


class VatTreatment(models.TextChoices):
    NONE = "none", _("no deviation")
    NET = "net", _("net invoice")
    EXEMPT = "exempt", _("VAT exempt")


class PopupMode(models.TextChoices):
    OFF = "off", _("do not show")
    NEXT_VISIT = "next_visit", _("show at next visit")
    ALWAYS = "always", _("show at every visit")


class Customer(TimeStampedModel):
    """A customer of the business, with everything the till and the backoffice need to know."""

    number = models.CharField(_("customer number"), max_length=32, unique=True, validators=[validate_customer_number])
    active = models.BooleanField(_("active"), default=True)
    salutation = models.CharField(_("salutation"), max_length=16, choices=Salutation.choices, blank=True)
    title = models.CharField(_("title"), max_length=40, blank=True)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    company = models.CharField(_("company"), max_length=150, blank=True)
    street = models.CharField(_("street and number"), max_length=150, blank=True)
    address_extra = models.CharField(_("address line 2"), max_length=150, blank=True)
    postcode = models.CharField(_("postcode"), max_length=16, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), default="DE")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, blank=True)
    birthday = models.DateField(_("birthday"), null=True, blank=True, validators=[validate_past_date])
    anniversary = models.DateField(_("wedding anniversary"), null=True, blank=True, validators=[validate_past_date])
    groups = models.ManyToManyField(CustomerGroup, verbose_name=_("groups"), blank=True, related_name="customers")
    referred_by = models.ForeignKey(
        "self", verbose_name=_("referred by"), null=True, blank=True, on_delete=models.PROTECT, related_name="referrals"
    )
    regular_staff = models.ForeignKey(
        StaffMember, verbose_name=_("regular staff member"), null=True, blank=True, on_delete=models.PROTECT
    )
    home_shop = models.ForeignKey(Shop, verbose_name=_("shop"), null=True, blank=True, on_delete=models.PROTECT)
    service_discount = models.ForeignKey(
        "catalog.Discount",
        verbose_name=_("service discount"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"applies_to": "services", "active": True},
        related_name="+",
    )
    article_discount = models.ForeignKey(
        "catalog.Discount",
        verbose_name=_("article discount"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"applies_to": "articles", "active": True},
        related_name="+",
    )
    popup_mode = models.CharField(_("popup remark"), max_length=16, choices=PopupMode.choices, default=PopupMode.OFF)
    popup_text = models.TextField(_("remark"), max_length=2000, blank=True)
    debtor_number = models.CharField(_("debtor number"), max_length=32, blank=True)
    vat_id = models.CharField(_("VAT ID"), max_length=20, blank=True)
    vat_treatment = models.CharField(
        _("deviating VAT"), max_length=8, choices=VatTreatment.choices, default=VatTreatment.NONE
    )
    id_card_number = models.CharField(_("ID card number"), max_length=40, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    sort_name = SearchKeyField(max_length=255, editable=False)

    class Meta:
        ordering = ["sort_name", "id"]
        # the list's sort orders (the column headers), each ended by the id as keyset paging reads them
        indexes = [
            models.Index(fields=["sort_name", "id"], name="customer_by_name"),
            models.Index(fields=["postcode", "id"], name="customer_by_postcode"),
            models.Index(fields=["city", "id"], name="customer_by_city"),
            models.Index(fields=["created_at", "id"], name="customer_by_created"),
        ]
        verbose_name = _("customer")
        verbose_name_plural = _("customers")

    def __str__(self) -> str:
        return self.display_name or self.number

    def get_absolute_url(self) -> str:
        return reverse("customers:detail", args=[self.pk])

    def delete(self, *args, **kwargs):
        raise NeverDeletedError("Customers are deactivated or anonymised, never deleted.")

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.title, self.first_name, self.last_name) if part)

    @property
    def display_name(self) -> str:
        name = ", ".join(part for part in (self.last_name, self.first_name) if part)
        if self.company:
            return f"{name} ({self.company})" if name else self.company
        return name

    @property
    def age(self) -> int | None:
        if not self.birthday:
            return None
        today = date.today()
        return today.year - self.birthday.year - ((today.month, today.day) < (self.birthday.month, self.birthday.day))


# The customer's master-data fields in groups, written once. The form's sections, the protocol and the API are
# built from them, each in the order it has always had.
#: name, address, language and dates: the form's "Contact details"
CONTACT_FIELDS = (
    "number", "active", "salutation", "title", "first_name", "last_name", "company", "street", "address_extra",
    "postcode", "city", "country", "language", "birthday", "anniversary",
)  # fmt: skip
#: one of these must be filled in (validators.require_name)
NAME_FIELDS = ("first_name", "last_name", "company")
STAFF_FIELDS = ("regular_staff", "home_shop")
DISCOUNT_FIELDS = ("service_discount", "article_discount")
POPUP_FIELDS = ("popup_mode", "popup_text")
#: invoicing and identification
BILLING_FIELDS = ("debtor_number", "vat_id", "vat_treatment", "id_card_number")
#: what a customer pays: only managers change it (X5), on the page and the API
MANAGER_FIELDS = ("vat_treatment", "service_discount", "article_discount")
#: the form's "Info" section
INFO_FIELDS = (*POPUP_FIELDS, *DISCOUNT_FIELDS, *STAFF_FIELDS, *BILLING_FIELDS)
#: every master-data field, in the order of the file: the form's fields, the protocol's without the groups
MASTER_FIELDS = (
    *CONTACT_FIELDS, "groups", "referred_by", *STAFF_FIELDS, *DISCOUNT_FIELDS, *POPUP_FIELDS, *BILLING_FIELDS
)  # fmt: skip
#: phones and e-mail addresses a customer has at the most (the form and the API)
MAX_PARTS = 10
#: the parts of a customer that have rows of their own (groups: a many-to-many field), in the API's order
PART_FIELDS = ("phones", "emails", "groups", "consents")


class PhoneKind(models.TextChoices):
    MOBILE = "mobile", _("mobile")
    HOME = "home", _("home")
    WORK = "work", _("work")
    FAX = "fax", _("fax")
    OTHER = "other", _("other")


class CustomerPhone(models.Model):
    """A phone number of a customer, kept in international form (+49...)."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(_("phone number"), max_length=32)
    kind = models.CharField(_("kind"), max_length=16, choices=PhoneKind.choices, default=PhoneKind.MOBILE)

    class Meta:
        ordering = ["id"]
        verbose_name = _("phone number")
        verbose_name_plural = _("phone numbers")

    def __str__(self) -> str:
        return self.number


class EmailKind(models.TextChoices):
    PRIVATE = "private", _("private")
    WORK = "work", _("work")
    OTHER = "other", _("other")


class CustomerEmail(models.Model):
    """An e-mail address of a customer."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="emails")
    address = models.EmailField(_("e-mail address"), max_length=254)
    kind = models.CharField(_("kind"), max_length=16, choices=EmailKind.choices, default=EmailKind.PRIVATE)

    class Meta:
        ordering = ["id"]
        verbose_name = _("e-mail address")
        verbose_name_plural = _("e-mail addresses")

    def __str__(self) -> str:
        return self.address


class ConsentKind(models.TextChoices):
    TERMS = "terms", _("read the terms and conditions")
    PRIVACY = "privacy", _("agreed to the privacy statement")
    EMAIL = "email", _("contact by e-mail")
    SMS = "sms", _("contact by SMS")
    PHONE = "phone", _("contact by phone")
    POST = "post", _("contact by post")


class ConsentSource(models.TextChoices):
    TILL = "till", _("at the till")
    PAPER = "paper", _("signed form")
    WEBSHOP = "webshop", _("webshop")
    EMAIL = "email", _("by e-mail")
    PHONE = "phone", _("by phone")
    API = "api", _("interface")


class Consent(models.Model):
    """A consent or contact preference of a customer, with date and source as proof (T1, T2)."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(_("kind"), max_length=16, choices=ConsentKind.choices)
    given_on = models.DateField(_("date"))
    source = models.CharField(_("source"), max_length=16, choices=ConsentSource.choices, default=ConsentSource.TILL)

    class Meta:
        ordering = ["kind"]
        constraints = [models.UniqueConstraint(fields=["customer", "kind"], name="consent_once_per_kind")]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.given_on}, {self.get_source_display()})"


class SearchKey(models.Model):
    """A folded key under which a customer is found: name rotations, number, phone digits, e-mail.

    Derived from the customer by services.index_customer(); never edited by hand.
    """

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="search_keys")
    key = SearchKeyField(max_length=255)
    #: the customer's, so that the quick search counts active customers from the index alone
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["key"]
        indexes = [
            models.Index(fields=["key", "customer", "active"], name="searchkey_key"),
            models.Index(fields=["customer", "key"], name="searchkey_customer"),
        ]

    def __str__(self) -> str:
        return self.key
