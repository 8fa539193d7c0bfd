"""The secret key lives in the data folder, never in the repository."""

import os
import secrets
from pathlib import Path

from django.utils.translation import gettext_noop

from regulars.startup import StartupError

from .datadir import PRIVATE_FILE


def load_secret_key(data_dir: Path, *, read_only: bool = False) -> str:
    """Return REGULARS_SECRET_KEY, or the key kept in the data folder, creating it on first start.

    A command that only reads, in a folder without a key, signs nothing that lasts: it gets a key for its own run.
    """
    if key := os.environ.get("REGULARS_SECRET_KEY"):
        return key
    path = data_dir / "secret_key"
    if not path.exists():
        if read_only:
            return secrets.token_urlsafe(64)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)  # readable by the owner only
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(64))
    try:
        return path.read_text().strip()
    except OSError as error:
        raise StartupError(
            gettext_noop(
                "The secret key %(path)s cannot be read (%(reason)s). Run Regulars as the owner of the data folder, "
                "or set REGULARS_SECRET_KEY."
            ),
            path=path,
            reason=error.strerror,
        ) from error
