"""EAN check digits (EAN-13, EAN-8, UPC-A) with python-stdnum."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum import ean


def validate_ean(value: str) -> None:
    if value and not ean.is_valid(value):
        raise ValidationError(
            _("“%(value)s” is not a valid EAN: the check digit does not match."),
            code="invalid_ean",
            params={"value": value},
        )
