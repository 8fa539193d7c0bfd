"""The till side: tills with their receipt printers, and the fiscal records they book: receipts with their lines
and payments, the seller's invoice data of their day, and receipts linked to a customer afterwards."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regulars.core.models import Shop, TimeStampedModel
from regulars.core.records import AppendOnlyError, AppendOnlyModel

__all__ = [
    "AppendOnlyError",
    "FiscalRecord",
    "Seller",
    "ParkedReceipt",
    "Payment",
    "Receipt",
    "ReceiptLine",
    "ReceiptLink",
    "Till",
]


class Till(TimeStampedModel):
    """A till of a shop; receipts are numbered per till, and it prints on its own receipt printer."""

    shop = models.ForeignKey(Shop, verbose_name=_("shop"), on_delete=models.PROTECT, related_name="tills")
    name = models.CharField(_("name"), max_length=100)
    printer_host = models.CharField(
        _("receipt printer address"),
        max_length=255,
        blank=True,
        help_text=_("IP address or host name, e.g. 192.168.1.50"),
    )
    printer_port = models.PositiveIntegerField(
        _("receipt printer port"), default=9100, validators=[MinValueValidator(1), MaxValueValidator(65535)]
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["shop__name", "name"]
        verbose_name = _("till")
        verbose_name_plural = _("tills")
        constraints = [models.UniqueConstraint(fields=["shop", "name"], name="till_name_per_shop")]

    def __str__(self) -> str:
        return f"{self.shop} · {self.name}"


class FiscalRecord(AppendOnlyModel):
    """Base of receipts, their lines, payments and links: written once, in the booking transaction."""

    class Meta:
        abstract = True


class Seller(FiscalRecord):
    """The invoice data of a shop as receipts booked from a moment on name it (§14 (4) UStG, art. 35a Wet OB).

    Written when a receipt is booked and the shop's data differs from every earlier copy; a receipt points to its
    copy, so an old invoice and its reprint show the data of their day. `digest` covers every field and is in
    the receipt's seal: a copy changed behind the application's back no longer matches (sales.fiscal).
    """

    shop = models.ForeignKey(Shop, verbose_name=_("shop"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=150)
    street = models.CharField(_("street and number"), max_length=150, blank=True)
    postcode = models.CharField(_("postcode"), max_length=16, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2)
    vat_id = models.CharField(_("VAT ID"), max_length=20, blank=True)
    tax_number = models.CharField(_("tax number"), max_length=20, blank=True)
    kvk_number = models.CharField(_("Chamber of Commerce number"), max_length=8, blank=True)
    bank_name = models.CharField(_("bank"), max_length=100, blank=True)
    iban = models.CharField(_("IBAN"), max_length=34, blank=True)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    invoice_footer = models.TextField(_("invoice footer"), blank=True)
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    #: what a copy holds, in the order of the digest
    FIELDS = (
        "name", "street", "postcode", "city", "country", "vat_id", "tax_number", "kvk_number", "bank_name", "iban",
        "bic", "invoice_footer",
    )  # fmt: skip

    class Meta:
        ordering = ["-id"]
        verbose_name = _("seller")
        verbose_name_plural = _("sellers")
        constraints = [models.UniqueConstraint(fields=["shop", "digest"], name="seller_copy_once")]

    def __str__(self) -> str:
        return self.name


class ReceiptKind(models.TextChoices):
    SALE = "sale", _("sale")
    CANCELLATION = "cancellation", _("cancellation")
    ABORTED = "aborted", _("aborted")


class Receipt(FiscalRecord):
    """A booked receipt: numbered without gaps per till, chained by hash to the till's previous receipt.

    A cancellation is a receipt of its own that reverses the original and names it; the original stays.
    The customer's name and address are copied as they were at booking.
    """

    till = models.ForeignKey(Till, verbose_name=_("till"), on_delete=models.PROTECT, related_name="receipts")
    number = models.PositiveIntegerField(_("receipt number"))
    kind = models.CharField(_("kind"), max_length=16, choices=ReceiptKind.choices, default=ReceiptKind.SALE)
    created_at = models.DateTimeField(_("date"), db_index=True)
    staff = models.ForeignKey(
        "core.StaffMember", verbose_name=_("staff member"), on_delete=models.PROTECT, related_name="+"
    )
    #: the login that booked it, beside the responsible staff member (empty on receipts of Regulars before 0.2)
    user = models.ForeignKey(
        "core.User", verbose_name=_("booked by"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    user_name = models.CharField(_("booked by"), max_length=150, null=True, blank=True)
    seller = models.ForeignKey(
        Seller, verbose_name=_("seller"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="receipts",
    )
    customer_number = models.CharField(_("customer number"), max_length=32, blank=True)
    customer_name = models.CharField(_("customer"), max_length=300, blank=True)
    customer_address = models.TextField(_("address"), blank=True)
    customer_vat_id = models.CharField(_("VAT ID"), max_length=20, blank=True)
    vat_treatment = models.CharField(_("deviating VAT"), max_length=8, default="none")
    total = models.BigIntegerField(_("total"))
    change = models.BigIntegerField(_("change"), default=0)
    cancels = models.OneToOneField(
        "self",
        verbose_name=_("cancels"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cancelled_by",
    )
    previous_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64)
    #: how `hash` was made (sales.fiscal): empty = 1, SHA-256 of receipts before 0.2; 2, HMAC-SHA256 with the key
    hash_version = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")
        constraints = [models.UniqueConstraint(fields=["till", "number"], name="receipt_number_per_till")]

    def __str__(self) -> str:
        return f"{self.till.name} #{self.number}"


class ReceiptLine(FiscalRecord):
    """One article or service on a receipt; it may be booked to another customer than the receipt's (R1)."""

    receipt = models.ForeignKey(Receipt, on_delete=models.PROTECT, related_name="lines")
    position = models.PositiveSmallIntegerField(_("position"))
    article = models.ForeignKey(
        "catalog.Article", verbose_name=_("article"), null=True, blank=True, on_delete=models.PROTECT
    )
    service = models.ForeignKey(
        "catalog.Service", verbose_name=_("service"), null=True, blank=True, on_delete=models.PROTECT
    )
    description = models.CharField(_("description"), max_length=300)
    brand = models.CharField(_("brand"), max_length=100, blank=True)
    quantity = models.IntegerField(_("quantity"))
    unit_price = models.BigIntegerField(_("unit price"))
    #: the catalogue's unit price when the cashier changed the price (empty: not changed)
    list_price = models.BigIntegerField(_("list price"), null=True, blank=True)
    discount = models.BigIntegerField(_("discount"), default=0)
    discount_name = models.CharField(_("discount"), max_length=100, blank=True)
    total = models.BigIntegerField(_("total"))
    vat_rate = models.IntegerField(_("VAT rate"))
    vat = models.BigIntegerField(_("VAT"))
    staff = models.ForeignKey(
        "core.StaffMember", verbose_name=_("staff member"), on_delete=models.PROTECT, related_name="+"
    )
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="receipt_lines",
    )
    #: why the price was changed or a discount given by hand at the till (empty: as the catalogue and discounts say)
    override_reason = models.CharField(_("reason"), max_length=200, null=True, blank=True)

    class Meta:
        ordering = ["receipt", "position"]
        verbose_name = _("receipt line")
        verbose_name_plural = _("receipt lines")

    def __str__(self) -> str:
        return f"{self.quantity} × {self.description}"


class PaymentMethod(models.TextChoices):
    """How a receipt is paid; on account, open invoice, voucher, deposit and points join later."""

    CASH = "cash", _("cash")
    CARD = "card", _("card")


class Payment(FiscalRecord):
    """An amount paid by one method; cash may exceed the total, the difference is the change."""

    receipt = models.ForeignKey(Receipt, on_delete=models.PROTECT, related_name="payments")
    method = models.CharField(_("payment method"), max_length=16, choices=PaymentMethod.choices)
    amount = models.BigIntegerField(_("amount"))

    class Meta:
        ordering = ["receipt", "id"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")

    def __str__(self) -> str:
        return f"{self.get_method_display()} {self.amount}"


class IdempotencyKey(models.Model):
    """A till's Idempotency-Key: a retry returns the receipt booked the first time."""

    user = models.ForeignKey("core.User", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64)
    receipt = models.ForeignKey(Receipt, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_per_user")]

    def __str__(self) -> str:
        return self.key


class ReceiptLink(FiscalRecord):
    """A receipt booked without customer, linked to one afterwards at the till (R9): once, never undone.

    Links are numbered without gaps and sealed in a chain of their own, as receipts are (sales.fiscal), so a
    link changed or removed behind the application's back is found by `regulars verify-receipts`.
    """

    receipt = models.OneToOneField(Receipt, on_delete=models.PROTECT, related_name="link")
    customer = models.ForeignKey(
        "customers.Customer", verbose_name=_("customer"), on_delete=models.PROTECT, related_name="linked_receipts"
    )
    user = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("date"), default=timezone.now)
    number = models.PositiveIntegerField(_("number"), null=True, unique=True)
    previous_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("linked receipt")
        verbose_name_plural = _("linked receipts")

    def __str__(self) -> str:
        return f"{self.receipt} → {self.customer}"


class ParkedReceipt(TimeStampedModel):
    """A receipt put aside at the till to serve another customer first (R2): a working note, not a fiscal record.

    The lines are the till's cart lines as they were (article or service, quantity, staff, line customer). Resuming
    puts them back into the cart; abandoning records them as an aborted receipt. Either way the note is deleted.
    """

    till = models.ForeignKey(Till, verbose_name=_("till"), on_delete=models.PROTECT, related_name="parked_receipts")
    staff = models.ForeignKey(
        "core.StaffMember", verbose_name=_("staff member"), on_delete=models.PROTECT, related_name="+"
    )
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="parked_receipts",
    )
    lines = models.JSONField(_("lines"), default=list)
    created_by = models.ForeignKey(
        "core.User", verbose_name=_("parked by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("parked receipt")
        verbose_name_plural = _("parked receipts")

    def __str__(self) -> str:
        return f"{self.till.name} · {self.created_at:%H:%M}"
