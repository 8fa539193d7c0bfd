"""The protocol (P1): an append-only record of every change to a customer's data."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from regulars.core.records import AppendOnlyError, AppendOnlyModel

__all__ = ["Action", "AppendOnlyError", "ProtocolEntry"]


class Action(models.TextChoices):
    CREATED = "created", _("customer created")
    CHANGED = "changed", _("customer changed")


class ProtocolEntry(AppendOnlyModel):
    """One field of one customer changed: old value, new value, who, when, and which entry it overwrote."""

    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)
    customer = models.ForeignKey(
        "customers.Customer", verbose_name=_("customer"), on_delete=models.PROTECT, related_name="protocol"
    )
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    field = models.CharField(_("field"), max_length=64)
    old_value = models.TextField(_("old value"), blank=True)
    new_value = models.TextField(_("new value"), blank=True)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("overwritten entry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    version = models.PositiveIntegerField(_("version"), help_text=_("The customer's version after the change."))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, blank=True, on_delete=models.PROTECT
    )
    user_name = models.CharField(_("user"), max_length=150, blank=True)
    request_id = models.UUIDField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("protocol entry")
        verbose_name_plural = _("protocol entries")
        indexes = [models.Index(fields=["customer", "field", "-id"], name="protocol_customer_field")]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_action_display()} {self.field}"
