"""Sending a receipt to its customer as a PDF by e-mail, and logging every message (R6, M1); mails to users (the
link to choose a new password) through the mail account of a shop they work in."""

import logging
import smtplib
import threading
from email.utils import formataddr

from django.core.mail import EmailMessage, get_connection
from django.utils import translation
from django.utils.translation import gettext as _

from regulars.core.crypto import UndecryptableError
from regulars.core.models import Shop
from regulars.sales.documents import invoice_filename, invoice_language, invoice_number, invoice_pdf
from regulars.sales.models import Receipt, ReceiptKind

from .models import Channel, CommunicationEntry, DeliveryStatus, MailAccount, MailSecurity

SMTP_TIMEOUT = 15
logger = logging.getLogger(__name__)


class MailError(Exception):
    """The e-mail was not sent; `message` tells the user why, in their language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def mail_account_for(shop: Shop | None) -> MailAccount | None:
    """The shop's own mail account, else the installation's."""
    if shop is not None:
        account = MailAccount.objects.filter(shop=shop).first()
        if account is not None:
            return account
    return MailAccount.objects.filter(shop__isnull=True).first()


def mail_account_for_user(user) -> MailAccount | None:
    """The account of the shop the user works in now, else of one of their further shops, else the installation's,
    else the first one there is."""
    accounts = MailAccount.objects.order_by("shop__name", "pk")
    return (
        (accounts.filter(shop_id=user.shop_id).first() if user.shop_id else None)
        or accounts.filter(shop__in=user.shops.all()).first()
        or accounts.filter(shop__isnull=True).first()
        or accounts.first()
    )


def smtp_connection(account: MailAccount):
    """A connection to the account's SMTP server; nothing is opened until a message is sent.

    UndecryptableError when the stored password can no longer be read (the secret key has changed).
    """
    return get_connection(
        "django.core.mail.backends.smtp.EmailBackend",
        host=account.host,
        port=account.port,
        username=account.username or None,
        password=account.get_password() or None,
        use_tls=account.security == MailSecurity.STARTTLS,
        use_ssl=account.security == MailSecurity.SSL,
        timeout=SMTP_TIMEOUT,
        fail_silently=False,
    )


def _invoice_subject(receipt: Receipt) -> str:
    with translation.override(invoice_language(receipt)):
        return _("Your invoice %(number)s from %(shop)s") % {
            "number": invoice_number(receipt),
            "shop": receipt.till.shop.name,
        }


def _invoice_message(receipt: Receipt, account: MailAccount, recipient: str, subject: str) -> EmailMessage:
    """The e-mail with the invoice PDF; the sender's name is quoted and encoded as RFC 5322 asks (commas, umlauts)."""
    with translation.override(invoice_language(receipt)):
        body = _("Hello %(name)s,\n\nplease find your invoice attached.\n\nKind regards\n%(shop)s") % {
            "name": receipt.customer_name,
            "shop": receipt.till.shop.name,
        }
    message = EmailMessage(subject=subject, body=body, from_email=_sender(account), to=[recipient])
    message.attach(invoice_filename(receipt), invoice_pdf(receipt), "application/pdf")
    message.message()  # builds the headers now, so that a sender that cannot be encoded fails here
    return message


def _sender(account: MailAccount) -> str:
    return formataddr((account.sender_name, account.sender)) if account.sender_name else account.sender


def _log_failure(entry: CommunicationEntry, reason: str) -> None:
    """Keep the message that could not be sent in the log, with the reason, so that it can be sent again."""
    entry.status, entry.error = DeliveryStatus.FAILED, reason[:2000]
    entry.save()


def send_receipt_email(*, receipt: Receipt, user=None) -> CommunicationEntry:
    """E-mail the receipt's invoice to its customer; MailError (and a "failed" log entry) when it cannot be sent."""
    receipt = Receipt.objects.select_related("till__shop", "customer").get(pk=receipt.pk)
    customer = receipt.customer
    if receipt.kind == ReceiptKind.ABORTED:
        raise MailError(_("An aborted receipt is no invoice and cannot be sent."))
    if customer is None:
        raise MailError(_("This receipt has no customer to send it to."))
    address = customer.emails.values_list("address", flat=True).first()
    if not address:
        raise MailError(_("%(name)s has no e-mail address.") % {"name": customer})
    account = mail_account_for(receipt.till.shop)
    if account is None:
        raise MailError(_("No mail account is set up. An administrator can set one up under Master data."))
    subject = _invoice_subject(receipt)
    entry = CommunicationEntry(
        customer=customer, kind=Channel.EMAIL, subject=subject, recipient=address, receipt=receipt, user=user
    )
    try:
        message = _invoice_message(receipt, account, address, subject)
        smtp_connection(account).send_messages([message])
    except UndecryptableError as error:
        reason = _(
            "The mail account's password can no longer be read. An administrator can enter it again under Master data."
        )
        _log_failure(entry, reason)
        raise MailError(reason) from error
    except (smtplib.SMTPException, OSError) as error:
        _log_failure(entry, f"{type(error).__name__}: {error}")
        raise MailError(
            _("The mail server %(server)s could not be reached or refused the message (%(error)s). Please try again.")
            % {"server": f"{account.host}:{account.port}", "error": error}
        ) from error
    except Exception as error:  # the message itself: sender, headers, the PDF; logged, never a server error
        logger.exception("E-mail of receipt %s could not be built", receipt.pk)
        _log_failure(entry, f"{type(error).__name__}: {error}")
        raise MailError(
            _(
                "The e-mail could not be sent (%(error)s). An administrator can check the mail account's sender "
                "address and name under Master data."
            )
            % {"error": error}
        ) from error
    entry.status = DeliveryStatus.SENT
    entry.save()
    return entry


def mail_accounts_exist() -> bool:
    """Whether mails to users can be sent: some mail account is set up."""
    return MailAccount.objects.exists()


def send_mail_to_user(*, user, subject: str, body: str) -> None:
    """Mail a plain-text message to a user (core.user_mail) with the account of a shop they work in.

    The message is built here (MailError without an account, UndecryptableError when its password can no longer be
    read) and handed to the server in the background: the answer to the request never waits for the mail server,
    so that its time does not tell whether a mail was sent. A failure there is logged.
    """
    account = mail_account_for_user(user)
    if account is None:
        raise MailError(_("No mail account is set up. An administrator can set one up under Master data."))
    message = EmailMessage(subject=subject, body=body, from_email=_sender(account), to=[user.email])
    message.message()  # a sender or subject that cannot be encoded fails here
    connection = smtp_connection(account)
    threading.Thread(target=_deliver, args=(connection, message, user.pk), name="user-mail", daemon=True).start()


def _deliver(connection, message: EmailMessage, user_id: int) -> None:
    try:
        connection.send_messages([message])
    except Exception:
        logger.exception(
            "The mail to user %s could not be sent through %s:%s", user_id, connection.host, connection.port
        )
