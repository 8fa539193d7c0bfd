"""Checks and normal forms of the numbers a business is known by: VAT ID, Steuernummer, KvK, IBAN, BIC.

python-stdnum knows their check digits; each function returns the compact form or raises a ValidationError
that names the value and the expected form, in the user's language.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum import bic, iban
from stdnum.de import stnr
from stdnum.eu import vat

KVK = re.compile(r"^\d{8}$")


def _invalid(message: str, raw: str, code: str) -> ValidationError:
    return ValidationError(message, code=code, params={"value": raw})


def normalise_vat_id(raw: str, country: str = "") -> str:
    """A valid EU VAT ID in compact form (DE123456789); with `country`, one of that country."""
    value = raw.strip()
    if not value:
        return ""
    if not vat.is_valid(value):
        raise _invalid(
            _("“%(value)s” is not a valid VAT ID. It starts with the country code, e.g. DE123456789."),
            raw, "invalid_vat_id",
        )  # fmt: skip
    compact = vat.compact(value)
    if country and not compact.startswith(country):
        raise ValidationError(
            _("“%(value)s” is no VAT ID of %(country)s: it starts with %(country)s."),
            code="foreign_vat_id", params={"value": raw, "country": country},
        )  # fmt: skip
    return compact


def normalise_tax_number(raw: str) -> str:
    """A German Steuernummer as the tax office writes it (e.g. 21/815/08150) or in its 13-digit form."""
    value = raw.strip()
    if not value:
        return ""
    if not stnr.is_valid(value):
        raise _invalid(
            _("“%(value)s” is not a valid Steuernummer. Please copy it from a letter of the tax office."),
            raw, "invalid_tax_number",
        )  # fmt: skip
    compact = stnr.compact(value)
    return stnr.format(compact) if len(compact) in (10, 11) else compact


def normalise_kvk(raw: str) -> str:
    """A Dutch KvK number: 8 digits."""
    value = raw.strip().replace(" ", "").replace(".", "")
    if value and not KVK.match(value):
        raise _invalid(_("“%(value)s” is not a KvK number: it has 8 digits."), raw, "invalid_kvk")
    return value


def normalise_iban(raw: str) -> str:
    value = raw.strip()
    if not value:
        return ""
    if not iban.is_valid(value):
        raise _invalid(_("“%(value)s” is not a valid IBAN. Please check the digits."), raw, "invalid_iban")
    return iban.format(value)


def normalise_bic(raw: str) -> str:
    value = raw.strip()
    if not value:
        return ""
    if not bic.is_valid(value):
        raise _invalid(_("“%(value)s” is not a valid BIC, e.g. COBADEFFXXX."), raw, "invalid_bic")
    return bic.compact(value)
