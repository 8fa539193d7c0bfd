"""Encryption at rest for the few secrets Regulars must be able to read again, such as a shop's SMTP password.

Fernet tokens with a key derived from Django's SECRET_KEY by HKDF (SHA-256); each kind of secret has a label
of its own, so one derived key never serves two purposes. Keys in SECRET_KEY_FALLBACKS still decrypt, so a
key can be rotated; anything encrypted under a key that is gone raises `UndecryptableError`.
"""

import base64

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


class UndecryptableError(Exception):
    """The token was encrypted under another secret key (it was changed) or is damaged."""


def _fernet(secret_key: str, label: bytes) -> Fernet:
    """A Fernet cipher whose key is derived from one secret key for one label."""
    key = HKDF(algorithm=SHA256(), length=32, salt=None, info=label).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def _cipher(label: bytes) -> MultiFernet:
    """Encrypts with the current SECRET_KEY; decrypts with it and with SECRET_KEY_FALLBACKS."""
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([_fernet(key, label) for key in keys])


def encrypt(value: str, *, label: bytes) -> str:
    """The token to store in place of `value`."""
    return _cipher(label).encrypt(value.encode()).decode("ascii")


def decrypt(token: str, *, label: bytes) -> str:
    """The value `encrypt` was given; UndecryptableError when the secret key changed since."""
    try:
        return _cipher(label).decrypt(token.encode("ascii")).decode()
    except (InvalidToken, UnicodeError) as error:
        raise UndecryptableError(label.decode()) from error
