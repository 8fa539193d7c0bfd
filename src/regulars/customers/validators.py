"""Checks and normal forms for what staff type: phones, VAT IDs, postcodes, dates, names, referrers.

The form and the API both call these, each showing the errors in its own format.
"""

import re
from datetime import date
from typing import TYPE_CHECKING

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regulars.core.validators import normalise_vat_id  # noqa: F401 (checked as a shop's, used by form and API)

if TYPE_CHECKING:
    from .models import Customer

POSTCODE_FORMATS = {
    "DE": (re.compile(r"^\d{5}$"), "12345"),
    "NL": (re.compile(r"^(\d{4}) ?([A-Za-z]{2})$"), "1234 AB"),
    "AT": (re.compile(r"^\d{4}$"), "1234"),
    "BE": (re.compile(r"^\d{4}$"), "1234"),
    "CH": (re.compile(r"^\d{4}$"), "1234"),
    "LU": (re.compile(r"^(?:L-?)?(\d{4})$"), "1234"),
    "DK": (re.compile(r"^\d{4}$"), "1234"),
    "FR": (re.compile(r"^\d{5}$"), "12345"),
}


#: what a customer number may hold: it names files (PDF downloads) and is typed and scanned at the till
validate_customer_number = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9._/-]*\Z",
    message=gettext_lazy("A customer number has letters, digits and . _ / - only, and starts with a letter or digit."),
    code="invalid_number",
)


def normalise_phone(raw: str, region: str) -> str:
    """The number in international form (+4917112345678); an error naming the value when it is no phone number."""
    try:
        parsed = phonenumbers.parse(raw, region or None)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise ValidationError(
            _("“%(value)s” is not a valid phone number. Please check the digits and the area code."),
            code="invalid_phone",
            params={"value": raw},
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str, home_region: str = "") -> str:
    """A stored number as people write it: national within the shop's country, else international."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if home_region and phonenumbers.region_code_for_number(parsed) == home_region:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise_postcode(raw: str, country: str) -> str:
    """The postcode in its country's form ("1234 AB" in the Netherlands); an error when it cannot be one."""
    value = raw.strip()
    rule = POSTCODE_FORMATS.get(str(country))
    if not value or rule is None:
        return value
    pattern, example = rule
    match = pattern.match(value)
    if not match:
        raise ValidationError(
            _("“%(value)s” is not a postcode of this country. Example: %(example)s."),
            code="invalid_postcode",
            params={"value": raw, "example": example},
        )
    if str(country) == "NL":
        return f"{match.group(1)} {match.group(2).upper()}"
    if str(country) == "LU":
        return match.group(1)
    return value


def validate_past_date(value: date | None) -> None:
    """Birthdays and anniversaries lie in the past, and not before 1900."""
    if value is None:
        return
    if value > date.today():
        raise ValidationError(_("This date lies in the future."), code="future_date")
    if value.year < 1900:
        raise ValidationError(_("This date lies before 1900."), code="too_old")


def require_name(first_name: str, last_name: str, company: str) -> None:
    """A customer is known by a name or a company: at least one of the three must be filled in."""
    if not (first_name or last_name or company):
        raise ValidationError(_("Please enter a name or a company."), code="name_required")


def check_referrer(referred_by: "Customer | None", customer_pk: int | None) -> "Customer | None":
    """The customer who referred this one (`customer_pk`, None while new), which cannot be the customer itself."""
    if referred_by is not None and customer_pk is not None and referred_by.pk == customer_pk:
        raise ValidationError(_("A customer cannot have referred themselves."), code="self_referral")
    return referred_by


def require_vat_id_for_reverse_charge(vat_treatment: str, vat_id: str) -> None:
    """A net invoice (reverse charge) names the recipient's VAT ID (§14a (1) UStG, art. 35a (1) Wet OB)."""
    if vat_treatment == "net" and not vat_id:
        raise ValidationError(
            _("A net invoice (reverse charge) needs the customer's VAT ID. Please enter it first."),
            code="vat_id_required",
        )
