"""The protocol (P1): an append-only record of every change to a customer's data."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised on any attempt to change or delete a protocol entry."""


class ProtocolQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Protocol entries are never changed.")

    def delete(self):
        raise AppendOnlyError("Protocol entries are never deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("Protocol entries are never changed.")

    _raw_delete = delete

    def bulk_create(self, objs, *args, update_conflicts=False, ignore_conflicts=False, **kwargs):
        if update_conflicts or ignore_conflicts:
            raise AppendOnlyError("Protocol entries are only added, never merged with existing ones.")
        return super().bulk_create(objs, *args, **kwargs)


class Action(models.TextChoices):
    CREATED = "created", _("customer created")
    CHANGED = "changed", _("customer changed")


class ProtocolEntry(models.Model):
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

    objects = ProtocolQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("protocol entry")
        verbose_name_plural = _("protocol entries")
        indexes = [models.Index(fields=["customer", "field", "-id"], name="protocol_customer_field")]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_action_display()} {self.field}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Protocol entries are never changed.")
        kwargs["force_insert"] = True  # a new entry with an existing id must fail, not overwrite
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Protocol entries are never deleted.")
