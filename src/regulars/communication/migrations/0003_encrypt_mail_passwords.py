"""Encrypt the mail accounts' plain-text SMTP passwords (and, backwards, decrypt them again)."""

from django.db import migrations

from regulars.core.crypto import UndecryptableError, decrypt, encrypt

# frozen here as in MailAccount: the label of the key the passwords are encrypted with
MAIL_PASSWORD_LABEL = b"regulars mail password"


def encrypt_passwords(apps, schema_editor):
    """Move every plain password into password_encrypted as a token."""
    MailAccount = apps.get_model("communication", "MailAccount")
    for account in MailAccount.objects.exclude(password=""):
        account.password_encrypted = encrypt(account.password, label=MAIL_PASSWORD_LABEL)
        account.password = ""
        account.save(update_fields=["password", "password_encrypted"])


def decrypt_passwords(apps, schema_editor):
    """Put the passwords back in plain text; one that can no longer be read stays empty."""
    MailAccount = apps.get_model("communication", "MailAccount")
    for account in MailAccount.objects.exclude(password_encrypted=""):
        try:
            account.password = decrypt(account.password_encrypted, label=MAIL_PASSWORD_LABEL)
        except UndecryptableError:
            account.password = ""
        account.password_encrypted = ""
        account.save(update_fields=["password", "password_encrypted"])


class Migration(migrations.Migration):

    dependencies = [
        ('communication', '0002_mailaccount_password_encrypted'),
    ]

    operations = [
        migrations.RunPython(encrypt_passwords, decrypt_passwords),
    ]
