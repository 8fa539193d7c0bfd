"""The shop's SMTP password is kept encrypted, logs in to the server, and a changed secret key is explained."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings
from django.utils import translation

from regulars.communication.models import CommunicationEntry, MailAccount
from regulars.communication.services import MailError, send_receipt_email
from regulars.communication.tests.fixtures import SMTP_LOGIN

# the test server lets a plain-text login in, as a shop's local relay might
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

UNREADABLE = "The mail account's password can no longer be read. An administrator can enter it again under Master data."


def raw_row(account: MailAccount) -> list[str]:
    """Every value of the account's row as the database holds it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM communication_mailaccount WHERE id = %s", [account.pk])
        return [str(value) for value in cursor.fetchone()]


def test_the_database_holds_no_plain_password(admin_client, shop_de):
    # given
    data = {"host": "smtp.example.com", "port": 587, "security": "starttls", "username": "salon",
            "password": "Geheim-123", "sender": "salon@example.com", "shop": shop_de.pk}  # fmt: skip
    # when
    assert admin_client.post("/communication/mail-accounts/new/", data).status_code == 302
    # then
    account = MailAccount.objects.get()
    row = raw_row(account)
    assert not any("Geheim-123" in value for value in row)
    assert account.password_encrypted in row and account.get_password() == "Geheim-123"
    page = admin_client.get(f"/communication/mail-accounts/{account.pk}/").content.decode()
    assert "Geheim-123" not in page and account.password_encrypted not in page


def test_the_decrypted_password_logs_in_to_the_server(mailed_sale, auth_mail_account, auth_smtp_server, cashier):
    entry = send_receipt_email(receipt=mailed_sale, user=cashier)
    assert entry.status == "sent"
    assert [envelope.rcpt_tos for envelope in auth_smtp_server[1].envelopes] == [["kaethe@example.com"]]


def test_a_wrong_password_is_refused_by_the_server(mailed_sale, auth_mail_account, auth_smtp_server, cashier):
    auth_mail_account.set_password("falsch")
    auth_mail_account.save()
    with pytest.raises(MailError):
        send_receipt_email(receipt=mailed_sale, user=cashier)
    assert auth_smtp_server[1].envelopes == []


def test_a_changed_secret_key_is_explained_logged_and_can_be_retried(
    mailed_sale, auth_mail_account, auth_smtp_server, cashier
):
    # given: the installation got a new secret key
    with override_settings(SECRET_KEY="a-new-secret-key-" * 4), translation.override("en"):
        # when
        with pytest.raises(MailError) as refused:
            send_receipt_email(receipt=mailed_sale, user=cashier)
        # then
        assert refused.value.message == UNREADABLE
        failed = CommunicationEntry.objects.get()
        assert (failed.status, failed.error, failed.receipt) == ("failed", UNREADABLE, mailed_sale)
        # when an administrator enters the password again, sending again works
        auth_mail_account.set_password(SMTP_LOGIN[1])
        auth_mail_account.save()
        assert send_receipt_email(receipt=mailed_sale, user=cashier).status == "sent"
    assert len(auth_smtp_server[1].envelopes) == 1


def test_the_button_explains_a_changed_secret_key(cashier_client, mailed_sale, auth_mail_account):
    # given: the password was stored under a secret key the installation no longer has
    with override_settings(SECRET_KEY="an-old-secret-key-" * 4):
        auth_mail_account.set_password(SMTP_LOGIN[1])
    auth_mail_account.save()
    # when
    response = cashier_client.post(f"/communication/receipts/{mailed_sale.pk}/email/", HTTP_HX_REQUEST="true")
    # then
    assert response.status_code == 200 and "mail-failed" in response.content.decode()
    assert CommunicationEntry.objects.get().status == "failed"


def test_a_previous_secret_key_in_the_fallbacks_still_reads_the_password(
    settings, mailed_sale, auth_mail_account, auth_smtp_server
):
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-" * 4
    assert send_receipt_email(receipt=mailed_sale).status == "sent"


def test_the_api_schema_knows_no_mail_password(api):
    schema = api.get("/api/schema/?format=json").content.decode()
    assert "password_encrypted" not in schema and "MailAccount" not in schema


BEFORE = ("communication", "0002_mailaccount_password_encrypted")
LATEST = ("communication", "0004_remove_mailaccount_password")


def migrate(target: tuple[str, str]):
    """Bring the test database's communication tables to `target`; the model classes of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return MigrationExecutor(connection).loader.project_state(target).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_data_migration_encrypts_an_old_plain_password_and_back():
    try:
        # given: an account from before, with its password in plain text
        old_model = migrate(BEFORE).get_model("communication", "MailAccount")
        old = old_model.objects.create(host="smtp.example.com", sender="s@example.com", password="Alt-123")
        # when
        migrate(LATEST)
        # then
        account = MailAccount.objects.get(pk=old.pk)
        assert not any("Alt-123" in value for value in raw_row(account))
        assert account.get_password() == "Alt-123"
        # and backwards the plain password comes back
        old_model = migrate(BEFORE).get_model("communication", "MailAccount")
        assert (old_model.objects.get(pk=old.pk).password, old_model.objects.get(pk=old.pk).password_encrypted) == (
            "Alt-123", "",
        )  # fmt: skip
    finally:
        migrate(LATEST)
