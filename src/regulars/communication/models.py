"""The shop's mail account and the log of every message sent to a customer (R6, M1)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from regulars.core.crypto import decrypt, encrypt
from regulars.core.models import Shop, TimeStampedModel

# the HKDF label of the key mail passwords are encrypted with; changing it makes every stored password unreadable
MAIL_PASSWORD_LABEL = b"regulars mail password"


class MailSecurity(models.TextChoices):
    STARTTLS = "starttls", _("STARTTLS")
    SSL = "ssl", _("SSL/TLS")
    NONE = "none", _("none (unencrypted)")


class MailAccount(TimeStampedModel):
    """The SMTP account a shop sends e-mails with; one without a shop serves the whole installation.

    The password is kept encrypted (`set_password` / `get_password`); only this app reads it.
    """

    shop = models.OneToOneField(
        Shop,
        verbose_name=_("shop"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mail_account",
        help_text=_("Empty: for all shops without an account of their own."),
    )
    host = models.CharField(_("SMTP server"), max_length=255, help_text=_("e.g. smtp.example.com"))
    port = models.PositiveIntegerField(
        _("port"), default=587, validators=[MinValueValidator(1), MaxValueValidator(65535)]
    )
    security = models.CharField(
        _("encryption"), max_length=8, choices=MailSecurity.choices, default=MailSecurity.STARTTLS
    )
    username = models.CharField(_("user name"), max_length=255, blank=True)
    password_encrypted = models.TextField(_("password"), blank=True, editable=False)
    sender = models.EmailField(_("sender address"), max_length=254)
    sender_name = models.CharField(_("sender name"), max_length=150, blank=True)

    class Meta:
        ordering = ["shop__name"]
        verbose_name = _("mail account")
        verbose_name_plural = _("mail accounts")
        constraints = [
            models.UniqueConstraint(
                fields=["shop"], condition=models.Q(shop__isnull=True), name="one_installation_mail_account"
            )
        ]

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"

    def set_password(self, raw: str) -> None:
        """Keep the SMTP password encrypted; an empty one means the server needs none."""
        self.password_encrypted = encrypt(raw, label=MAIL_PASSWORD_LABEL) if raw else ""

    def get_password(self) -> str:
        """The SMTP password to log in with; UndecryptableError when the secret key has changed since it was set."""
        return decrypt(self.password_encrypted, label=MAIL_PASSWORD_LABEL) if self.password_encrypted else ""


class Channel(models.TextChoices):
    EMAIL = "email", _("e-mail")


class DeliveryStatus(models.TextChoices):
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class CommunicationEntry(models.Model):
    """One message to a customer, sent or failed, with who sent it and when (M1)."""

    customer = models.ForeignKey(
        "customers.Customer", verbose_name=_("customer"), on_delete=models.PROTECT, related_name="communications"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Channel.choices, default=Channel.EMAIL)
    subject = models.CharField(_("subject"), max_length=255)
    recipient = models.CharField(_("recipient"), max_length=254)
    receipt = models.ForeignKey(
        "sales.Receipt", verbose_name=_("receipt"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("status"), max_length=8, choices=DeliveryStatus.choices)
    error = models.TextField(_("error"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("communication")
        verbose_name_plural = _("communication")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.recipient}: {self.subject}"
