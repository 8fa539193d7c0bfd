"""The seller's data on receipts and invoices: what each country requires, and the copy a receipt points to.

Germany, §14 (4) UStG: the full name and address of the business (Nr. 1) and its Steuernummer or USt-IdNr.
(Nr. 2). The Netherlands, art. 35a (1) Wet OB: name, address and btw-identificatienummer (b, c); the KvK number
on every invoice and letter (art. 20 Handelsregisterbesluit 2008).
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from regulars.core.models import Shop

from .fiscal import seller_digest
from .models import Receipt, Seller


def missing_invoice_data(shop: Shop) -> list[str]:
    """What the shop's invoices still lack, in the reader's words; empty when it may book."""
    missing = [
        label
        for field, label in (("name", _("name")), ("street", _("street")), ("postcode", _("postcode")),
                             ("city", _("city")))  # fmt: skip
        if not getattr(shop, field).strip()
    ]
    country = str(shop.country)
    if country == "DE" and not (shop.tax_number or shop.vat_id):
        missing.append(_("the Steuernummer or the USt-IdNr. (§14 (4) UStG)"))
    if country == "NL":
        if not shop.vat_id:
            missing.append(_("the btw-identificatienummer (art. 35a Wet OB)"))
        if not shop.kvk_number:
            missing.append(_("the KvK number"))
    return missing


def seller_for(shop: Shop) -> Seller:
    """The copy of the shop's invoice data as it is now: an existing one when nothing changed, else a new one."""
    copy = Seller(shop=shop, country=str(shop.country), **{name: getattr(shop, name) for name in Seller.FIELDS
                                                             if name != "country"})  # fmt: skip
    copy.digest = seller_digest(copy)
    existing = Seller.objects.filter(shop=shop, digest=copy.digest).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            copy.save()
    except IntegrityError:  # another till wrote the same copy a moment ago
        return Seller.objects.get(shop=shop, digest=copy.digest)
    return copy


def seller_of(receipt: Receipt) -> Seller | Shop:
    """The seller's data as the receipt was booked with it; for receipts from before Regulars 0.2, which kept no
    copy, the shop's data as it is now."""
    return receipt.seller if receipt.seller_id else receipt.till.shop
