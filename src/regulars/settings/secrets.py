"""Keys live in the data folder (or the environment), never in the repository or the database."""

import os
import secrets
from pathlib import Path


def load_key(data_dir: Path, filename: str, variable: str) -> str:
    """The key from the environment variable, or the one kept in the data folder, created on first start."""
    if key := os.environ.get(variable):
        return key
    path = data_dir / filename
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # readable by the owner only
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(64))
    return path.read_text().strip()


def load_secret_key(data_dir: Path) -> str:
    """Django's secret key: REGULARS_SECRET_KEY, else the file "secret_key" in the data folder."""
    return load_key(data_dir, "secret_key", "REGULARS_SECRET_KEY")


def load_receipt_key(data_dir: Path) -> str:
    """The key that seals the receipts' chain (sales.fiscal): REGULARS_RECEIPT_KEY, else the file "receipt_key".

    It is kept apart from the database, so that no one who can write to the database alone can seal a receipt.
    Every server of an installation needs the same key, and it must be kept with the backups: without it the
    receipts can no longer be verified.
    """
    return load_key(data_dir, "receipt_key", "REGULARS_RECEIPT_KEY")
