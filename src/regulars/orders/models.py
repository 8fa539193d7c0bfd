"""Orders of a customer (O1): goods ordered for them, running until they are finished."""

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regulars.core.fields import CentsField
from regulars.core.models import TimeStampedModel


class OrderStatus(models.TextChoices):
    OPEN = "open", _("running")
    FINISHED = "finished", _("finished")


class Order(TimeStampedModel):
    """An order taken for a customer, e.g. a product to be ordered from the supplier."""

    customer = models.ForeignKey(
        "customers.Customer", verbose_name=_("customer"), on_delete=models.PROTECT, related_name="orders"
    )
    number = models.CharField(_("order number"), max_length=32, unique=True)
    status = models.CharField(_("status"), max_length=16, choices=OrderStatus.choices, default=OrderStatus.OPEN)
    notes = models.TextField(_("notes"), max_length=4000, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("order")
        verbose_name_plural = _("orders")

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("orders:edit", args=[self.pk])


class OrderLine(models.Model):
    """What is ordered, how many and at which price (cents)."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    description = models.CharField(_("description"), max_length=300)
    quantity = models.PositiveIntegerField(_("quantity"), default=1, validators=[MinValueValidator(1)])
    price = CentsField(_("price"), default=0, validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["id"]
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")

    def __str__(self) -> str:
        return f"{self.quantity} × {self.description}"
