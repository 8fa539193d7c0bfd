"""E-mailing a receipt's invoice through a real SMTP server, and the communication log (R6, M1)."""

import email
import email.policy
import subprocess

import pytest
from django.test import Client
from django.utils import timezone

from regulars.communication.models import CommunicationEntry, MailAccount
from regulars.communication.services import MailError, send_receipt_email


def pdf_text(content: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, timeout=30).stdout.decode()


def test_the_customer_receives_the_invoice_as_pdf(mailed_sale, mail_account, smtp_server, cashier):
    _controller, inbox = smtp_server
    # when
    entry = send_receipt_email(receipt=mailed_sale, user=cashier)
    # then
    assert entry.status == "sent" and entry.recipient == "kaethe@example.com"
    [envelope] = inbox.envelopes
    assert envelope.rcpt_tos == ["kaethe@example.com"]
    message = email.message_from_bytes(envelope.original_content)
    assert message["Subject"] == f"Ihre Rechnung {mailed_sale.till_id}-000001 von Salon Sonnenschein"
    [attachment] = [part for part in message.walk() if part.get_content_type() == "application/pdf"]
    assert attachment.get_filename() == f"invoice-{mailed_sale.till_id}-000001.pdf"
    assert "57,50 €" in pdf_text(attachment.get_payload(decode=True))


def test_an_unreachable_server_is_named_and_logged_as_failed(mailed_sale, closed_account, cashier):
    with pytest.raises(MailError) as refused:
        send_receipt_email(receipt=mailed_sale, user=cashier)
    assert f"127.0.0.1:{closed_account.port}" in refused.value.message
    entry = CommunicationEntry.objects.get()
    assert entry.status == "failed" and entry.error and entry.receipt == mailed_sale and entry.user == cashier


def test_no_mail_account_and_no_address_are_refused_without_a_log(
    mailed_sale, cashier, till, jana, haircut, make_customer
):
    with pytest.raises(MailError, match="kein E-Mail-Konto"):
        send_receipt_email(receipt=mailed_sale, user=cashier)
    MailAccount.objects.create(host="127.0.0.1", port=25, security="none", sender="salon@example.com")
    from regulars.sales.services import LineInput, PaymentInput, book_receipt

    silent = make_customer(first_name="Ohne", last_name="Adresse")
    receipt = book_receipt(till=till, staff=jana, customer=silent, lines=[LineInput(service=haircut)], payments=[
        PaymentInput(method="cash", amount=4500)])  # fmt: skip
    with pytest.raises(MailError, match="keine E-Mail-Adresse"):
        send_receipt_email(receipt=receipt, user=cashier)
    assert not CommunicationEntry.objects.exists()


def test_the_button_answers_a_status_and_the_panel_shows_the_log(
    cashier_client, mailed_sale, mail_account, smtp_server
):
    response = cashier_client.post(f"/communication/receipts/{mailed_sale.pk}/email/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "kaethe@example.com" in response.content.decode()
    page = cashier_client.get(f"/customers/{mailed_sale.customer_id}/").content.decode()
    assert "communication-panel" in page and "Ihre Rechnung" in page


def test_the_button_explains_an_unreachable_server(cashier_client, mailed_sale, closed_account):
    response = cashier_client.post(f"/communication/receipts/{mailed_sale.pk}/email/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and f"127.0.0.1:{closed_account.port}" in response.content.decode()
    assert cashier_client.post(f"/communication/receipts/{mailed_sale.pk}/email/").status_code == 422


def test_the_api_sends_and_refuses(api, mailed_sale, mail_account, smtp_server):
    response = api.post(f"/api/v1/receipts/{mailed_sale.pk}/email/")
    assert response.status_code == 200 and response.json()["status"] == "sent"
    mail_account.delete()
    response = api.post(f"/api/v1/receipts/{mailed_sale.pk}/email/")
    assert response.status_code == 422 and "detail" in response.json()


def test_anonymous_cannot_send(client, api, mailed_sale, mail_account, smtp_server):
    assert client.post(f"/communication/receipts/{mailed_sale.pk}/email/").status_code == 302
    api.credentials()
    assert api.post(f"/api/v1/receipts/{mailed_sale.pk}/email/").status_code in (401, 403)
    assert smtp_server[1].envelopes == []


def test_only_administrators_set_up_the_mail_account_and_the_password_is_never_shown(admin_client, manager, shop_de):
    manager_client = Client()
    manager_client.force_login(manager)
    assert manager_client.get("/communication/mail-accounts/new/").status_code == 403
    data = {"host": "smtp.example.com", "port": 587, "security": "starttls", "username": "salon",
            "password": "Geheim-123", "sender": "salon@example.com", "shop": shop_de.pk}  # fmt: skip
    assert admin_client.post("/communication/mail-accounts/new/", data).status_code == 302
    account = MailAccount.objects.get()
    assert account.get_password() == "Geheim-123"
    form = admin_client.get(f"/communication/mail-accounts/{account.pk}/").content.decode()
    assert "Geheim-123" not in form
    data["password"] = ""
    data["host"] = "mail.example.com"
    admin_client.post(f"/communication/mail-accounts/{account.pk}/", data)
    account.refresh_from_db()
    assert (account.host, account.get_password()) == ("mail.example.com", "Geheim-123")
    assert "/communication/mail-accounts/" in admin_client.get("/master-data/").content.decode()


def test_an_aborted_receipt_is_not_sent(till, jana, mail_account, smtp_server):
    from regulars.sales.models import Receipt

    aborted = Receipt.objects.create(
        till=till, number=99, kind="aborted", staff=jana, total=0, hash="x" * 64, created_at=timezone.now()
    )
    with pytest.raises(MailError):
        send_receipt_email(receipt=aborted)
    assert smtp_server[1].envelopes == []


@pytest.mark.parametrize("sender_name", ["Müller, Söhne & Co", 'Salon "Sonnenschein"', "Kapsalon 't Hoekje, Utrecht"])
def test_the_sender_name_arrives_as_written(mailed_sale, mail_account, smtp_server, cashier, sender_name):
    _controller, inbox = smtp_server
    mail_account.sender_name = sender_name
    mail_account.save()
    # when
    entry = send_receipt_email(receipt=mailed_sale, user=cashier)
    # then
    assert entry.status == "sent"
    [envelope] = inbox.envelopes
    assert envelope.mail_from == "salon@example.com"
    sender = email.message_from_bytes(envelope.original_content, policy=email.policy.default)["From"]
    assert [(a.display_name, a.addr_spec) for a in sender.addresses] == [(sender_name, "salon@example.com")]


@pytest.mark.parametrize(
    ("field", "value"), [("sender", "salon@"), ("sender_name", "Salon\r\nBcc: everyone@example.com")]
)
def test_a_message_that_cannot_be_built_is_logged_as_failed(
    mailed_sale, mail_account, smtp_server, cashier, field, value
):
    setattr(mail_account, field, value)
    mail_account.save()
    with pytest.raises(MailError) as refused:
        send_receipt_email(receipt=mailed_sale, user=cashier)
    assert "konnte nicht gesendet werden" in refused.value.message
    entry = CommunicationEntry.objects.get()
    assert entry.status == "failed" and entry.error and entry.subject.startswith("Ihre Rechnung")
    assert smtp_server[1].envelopes == []


def test_a_failure_answers_the_button_and_the_api_and_is_logged(cashier_client, api, mailed_sale, mail_account):
    mail_account.sender = "salon@"
    mail_account.save()
    response = cashier_client.post(f"/communication/receipts/{mailed_sale.pk}/email/")
    assert response.status_code == 422 and "could not be sent" in response.content.decode()
    response = api.post(f"/api/v1/receipts/{mailed_sale.pk}/email/")
    assert response.status_code == 422 and "could not be sent" in response.json()["detail"]
    assert list(CommunicationEntry.objects.values_list("status", flat=True)) == ["failed", "failed"]
