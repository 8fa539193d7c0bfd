"""The till side: tills with their receipt printers (receipts follow)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from regulars.core.models import Shop, TimeStampedModel


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
