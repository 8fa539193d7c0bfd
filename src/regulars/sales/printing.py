"""Reprinting a receipt on its till's receipt printer (R6): ESC/POS over TCP, 42 columns (80 mm), code page CP858.

`receipt_lines()` renders the text in the shop's language and touches no printer; `print_receipt()` sends it.
A failed print changes nothing and can simply be retried.
"""

import logging
import textwrap
from decimal import Decimal

from django.utils import formats, timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from escpos.exceptions import DeviceNotFoundError
from escpos.printer import Network

from regulars.core.money import format_amount, to_decimal
from regulars.customers.models import VatTreatment

from .models import Receipt, ReceiptKind
from .sellers import seller_of
from .vat import vat_sums

logger = logging.getLogger(__name__)

WIDTH = 42
TIMEOUT_SECONDS = 5
CODE_PAGE = "CP858"  # ESC t 19 on Epson-compatible printers: € at 0xD5, umlauts as in CP850
#: Typography that CP858 lacks, in plain characters a receipt printer has.
PLAIN = str.maketrans({"\u00a0": " ", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'",
                       "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2026": "..."})  # fmt: skip


class PrinterError(Exception):
    """The receipt could not be printed; the message says why, in the user's language."""


def _amount(cents: int) -> str:
    return formats.number_format(to_decimal(cents), 2, use_l10n=True, force_grouping=True)


def _row(left: str, right: str = "") -> list[str]:
    """`left` wrapped to the width, `right` right-aligned on its first line."""
    room = WIDTH - len(right) - 1 if right else WIDTH
    rows = textwrap.wrap(left, room) or [""]
    if right:
        rows[0] = f"{rows[0]:<{room}} {right}"
    return rows


def _center(text: str) -> list[str]:
    return [row.strip().center(WIDTH).rstrip() for row in _row(text)]


def _rate(basis_points: int) -> str:
    return f"{formats.number_format(Decimal(basis_points) / 100, use_l10n=True).rstrip('0').rstrip(',.')} %"


def _header(receipt: Receipt) -> list[str]:
    seller = seller_of(receipt)
    rows = _center(seller.name)
    for part in (seller.street, f"{seller.postcode} {seller.city}".strip()):
        rows += _center(part) if part else []
    for label, value in ((_("VAT ID"), seller.vat_id), (_("Tax number"), seller.tax_number),
                         (_("KvK number"), seller.kvk_number)):  # fmt: skip
        rows += _center(f"{label}: {value}") if value else []
    marker = pgettext("receipt reprint", "Copy").upper()
    rows += ["", f"*** {marker} ***".center(WIDTH).rstrip()]
    if receipt.kind == ReceiptKind.CANCELLATION and receipt.cancels_id:
        rows += _center(_("Cancellation of receipt %(number)s") % {"number": receipt.cancels.number})
    elif receipt.kind == ReceiptKind.ABORTED:
        rows += _center(_("Aborted receipt"))
    created = formats.date_format(timezone.localtime(receipt.created_at), "SHORT_DATETIME_FORMAT")
    rows += ["", *_row(_("Till"), receipt.till.name), *_row(_("Receipt"), str(receipt.number))]
    rows += [*_row(_("Date"), created), *_row(_("Staff member"), receipt.staff.name)]
    if receipt.customer_number or receipt.customer_name:
        rows += [*_row(_("Customer"), receipt.customer_number), *_row(receipt.customer_name)]
    if receipt.customer_vat_id:
        rows += _row(_("VAT ID"), receipt.customer_vat_id)
    return rows


def _items(receipt: Receipt) -> list[str]:
    rows = []
    for line in receipt.lines.all():
        text = f"{line.quantity} × {line.description}" + (f" ({line.brand})" if line.brand else "")
        rows += _row(text, _amount(line.quantity * line.unit_price))
        if line.discount:
            rows += _row(f"  {line.discount_name or _('Discount')}", _amount(-line.discount))
    return rows


def _vat_table(receipt: Receipt) -> list[str]:
    rows = [_("VAT").ljust(8) + _("net").rjust(11) + _("VAT").rjust(11) + _("gross").rjust(12)]
    for vat_sum in vat_sums(receipt.lines.all()):
        rows.append(
            _rate(vat_sum.rate).ljust(8) + _amount(vat_sum.net).rjust(11) + _amount(vat_sum.vat).rjust(11)
            + _amount(vat_sum.gross).rjust(12)
        )  # fmt: skip
    return rows


def _payments(receipt: Receipt) -> list[str]:
    rows = []
    for payment in receipt.payments.all():
        rows += _row(payment.get_method_display(), _amount(payment.amount))
    if receipt.change:
        rows += _row(pgettext("money given back", "Change"), _amount(receipt.change))
    return rows


def receipt_lines(receipt: Receipt) -> list[str]:
    """The receipt as the printer prints it: lines of at most 42 characters, in the shop's language."""
    with translation.override(receipt.till.shop.language or "de"):
        rule = "-" * WIDTH
        rows = [*_header(receipt), rule, *_items(receipt), rule]
        rows += _row(_("Total").upper(), format_amount(receipt.total).translate(PLAIN))
        rows += ["", *_vat_table(receipt), "", *_payments(receipt)]
        if receipt.vat_treatment in (VatTreatment.NET, VatTreatment.EXEMPT):
            rows += ["", *_row(f"{capfirst(_('deviating VAT'))}: {VatTreatment(receipt.vat_treatment).label}")]
        rows += ["", f"*** {pgettext('receipt reprint', 'Copy').upper()} ***".center(WIDTH).rstrip()]
    return [row.translate(PLAIN) for row in rows]


def print_receipt(*, receipt: Receipt, user) -> None:
    """Print a copy of the receipt on its till's printer; PrinterError names the printer when that fails."""
    till = receipt.till
    if not till.printer_host:
        raise PrinterError(
            _("Till %(till)s has no receipt printer. Enter its address in the till.") % {"till": till.name}
        )
    address = f"{till.printer_host}:{till.printer_port}"
    text = "\n".join(receipt_lines(receipt)) + "\n"
    printer = Network(till.printer_host, till.printer_port, timeout=TIMEOUT_SECONDS)
    try:
        printer.open()
        printer.hw("INIT")
        printer.charcode(CODE_PAGE)  # after INIT, which resets the code page; encodes all text in cp858
        printer.text(text)
        printer.cut()
    except (DeviceNotFoundError, OSError) as error:
        logger.warning("Receipt printer %s failed: %s", address, error)
        message = _("The receipt printer at %(address)s cannot be reached. Is it switched on and connected?")
        raise PrinterError(message % {"address": address}) from error
    finally:
        printer.close()
    logger.info("Receipt %s printed on %s by %s", receipt, address, user)
