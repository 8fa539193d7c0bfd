"""The protocol (P1): an append-only record of every change to a customer, a shop's master data, a user, ..."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from regulars.core.records import AppendOnlyError, AppendOnlyModel, AppendOnlyQuerySet

__all__ = ["Action", "AppendOnlyError", "ProtocolEntry"]


class Action(models.TextChoices):
    CREATED = "created", _("created")
    CHANGED = "changed", _("changed")


class ProtocolQuerySet(AppendOnlyQuerySet):
    def erase(self, *, erased_at) -> int:
        """Remove the old and new values of these entries (services.erase_personal_values, nothing else)."""
        return models.QuerySet.update(self, old_value=None, new_value=None, erased_at=erased_at)


class ProtocolEntry(AppendOnlyModel):
    """One field of one record changed: old and new value, who, when, and which entry it overwrote.

    The record is named by its kind (audit.registry: "customer", "article", ...) and id, so that every app's
    records share the one protocol without it knowing them. Values are JSON data (audit.values).
    """

    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("record kind"), max_length=32)
    record_id = models.BigIntegerField(_("record ID"))
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    field = models.CharField(_("field"), max_length=64)
    old_value = models.JSONField(_("old value"), null=True, blank=True)
    new_value = models.JSONField(_("new value"), null=True, blank=True)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("overwritten entry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    version = models.PositiveIntegerField(
        _("version"), null=True, blank=True, help_text=_("The record's version after the change, where it has one.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, blank=True, on_delete=models.PROTECT
    )
    user_name = models.CharField(_("user"), max_length=150, blank=True)
    request_id = models.UUIDField(null=True, blank=True)
    erased_at = models.DateTimeField(_("values erased"), null=True, blank=True)

    objects = ProtocolQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("protocol entry")
        verbose_name_plural = _("protocol entries")
        indexes = [
            models.Index(fields=["kind", "record_id", "-id"], name="protocol_record"),
            models.Index(fields=["kind", "record_id", "field", "-id"], name="protocol_record_field"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.kind} {self.record_id} {self.get_action_display()} {self.field}"
