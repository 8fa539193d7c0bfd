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
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()
