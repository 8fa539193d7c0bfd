"""Keys live in the data folder (or the environment), never in the repository or the database."""

import os
import secrets
from pathlib import Path

from django.utils.translation import gettext_noop

from regulars.startup import StartupError

from .datadir import PRIVATE_FILE


def load_key(data_dir: Path, filename: str, variable: str, *, read_only: bool = False) -> str | None:
    """The key from the environment variable, or the one kept in the data folder, created on first start.

    A command that only reads finds no key to create: it gets None.
    """
    if key := os.environ.get(variable):
        return key
    path = data_dir / filename
    if not path.exists():
        if read_only:
            return None
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)  # readable by the owner only
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(64))
    try:
        return path.read_text().strip()
    except OSError as error:
        raise StartupError(
            gettext_noop(
                "The key %(path)s cannot be read (%(reason)s). Run Regulars as the owner of the data folder, "
                "or set %(variable)s."
            ),
            path=path,
            reason=error.strerror,
            variable=variable,
        ) from error


def load_secret_key(data_dir: Path, *, read_only: bool = False) -> str:
    """Django's secret key: REGULARS_SECRET_KEY, else the file "secret_key" in the data folder.

    A command that only reads, in a folder without a key, signs nothing that lasts: it gets a key for its own run.
    """
    return load_key(data_dir, "secret_key", "REGULARS_SECRET_KEY", read_only=read_only) or secrets.token_urlsafe(64)


def load_receipt_key(data_dir: Path, *, read_only: bool = False) -> str:
    """The key that seals the receipts' chain (sales.fiscal): REGULARS_RECEIPT_KEY, else the file "receipt_key".

    It is kept apart from the database, so that no one who can write to the database alone can seal a receipt.
    Every server of an installation needs the same key, and it must be kept with the backups: without it the
    receipts can no longer be verified.
    """
    key = load_key(data_dir, "receipt_key", "REGULARS_RECEIPT_KEY", read_only=read_only)
    if key is None:
        raise StartupError(
            gettext_noop(
                "The receipt key %(path)s is missing: without it the receipts cannot be checked. Restore it from the "
                "backup of the data folder, or set REGULARS_RECEIPT_KEY."
            ),
            path=data_dir / "receipt_key",
        )
    return key
