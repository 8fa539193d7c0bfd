"""Model, form and API fields for amounts of money held as integer cents."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .money import MoneyError, parse_amount, to_decimal


class CentsField(models.BigIntegerField):
    """An amount of money in integer cents; lists, protocol and documents show it as money."""

    description = _("amount in cents")


class MoneyFormField(forms.CharField):
    """Takes "12,50" or "12.50" and gives cents; shows cents as a decimal in the user's notation."""

    default_error_messages = {"invalid": _("“%(value)s” is not an amount. Example: 12,50")}

    def __init__(self, *, min_cents: int | None = 0, **kwargs):
        super().__init__(**kwargs)
        self.min_cents = min_cents
        self.widget.attrs.update({"inputmode": "decimal", "maxlength": "16"})

    def prepare_value(self, value):
        if isinstance(value, int):
            from django.utils.formats import number_format

            return number_format(to_decimal(value), 2)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            cents = parse_amount(value)
        except MoneyError as error:
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            ) from error
        if self.min_cents is not None and cents < self.min_cents:
            raise forms.ValidationError(_("The amount must not be negative."), code="negative")
        return cents


@extend_schema_field({"type": "string", "format": "decimal", "pattern": r"^-?\d+(\.\d{1,2})?$", "example": "12.50"})
class MoneySerializerField(serializers.Field):
    """Cents in the database, a decimal string ("12.50") in the API."""

    default_error_messages = {"invalid": _("“{value}” is not an amount. Example: 12.50")}

    def to_representation(self, value):
        return str(to_decimal(value))

    def to_internal_value(self, data):
        try:
            return parse_amount(str(data))
        except MoneyError:
            self.fail("invalid", value=data)
