"""The secret key lives in the data folder, never in the repository."""

import os
import secrets
from pathlib import Path


def load_secret_key(data_dir: Path) -> str:
    """Return REGULARS_SECRET_KEY, or the key kept in the data folder, creating it on first start."""
    if key := os.environ.get("REGULARS_SECRET_KEY"):
        return key
    path = data_dir / "secret_key"
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # readable by the owner only
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(64))
    return path.read_text().strip()
