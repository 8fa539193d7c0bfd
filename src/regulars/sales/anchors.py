"""Each chain's last number and hash, anchored outside the database after every commit (GoBD: completeness).

The database alone cannot prove that its last receipts were not removed; the anchor can. One small file per chain
in RECEIPT_ANCHOR_DIR ("till-3", "links") holds the number, the hash and a seal over both. It is written after
the booking's commit and only ever moves forward, so a crash between commit and anchor makes it lag, never lead:
`verify-receipts` accepts receipts beyond the anchor and refuses a chain that ends before it.
"""

import fcntl
import hashlib
import hmac
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True)
class Anchor:
    chain: str
    number: int
    hash: str
    intact: bool  #: False when the file was changed by hand (its seal does not match)


def _directory() -> Path:
    directory = Path(settings.RECEIPT_ANCHOR_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


def _seal(chain: str, number: int, digest: str) -> str:
    message = f"anchor\n{chain}\n{number}\n{digest}".encode()
    return hmac.new(settings.RECEIPT_KEY.encode(), message, hashlib.sha256).hexdigest()


def _parse(chain: str, text: str) -> Anchor | None:
    parts = text.split()
    if len(parts) != 3 or not parts[0].isdecimal():
        return None
    number, digest, seal = int(parts[0]), parts[1], parts[2]
    return Anchor(chain, number, digest, hmac.compare_digest(seal, _seal(chain, number, digest)))


def read(chain: str) -> Anchor | None:
    """The chain's anchor, or None when there is none (a new installation, a till without receipts)."""
    path = Path(settings.RECEIPT_ANCHOR_DIR) / chain
    try:
        return _parse(chain, path.read_text())
    except FileNotFoundError:
        return None


def chains() -> list[str]:
    """The chains that have an anchor."""
    directory = Path(settings.RECEIPT_ANCHOR_DIR)
    if not directory.is_dir():
        return []
    return sorted(path.name for path in directory.iterdir() if not path.name.startswith("."))


def write(chain: str, number: int, digest: str) -> None:
    """Move the chain's anchor to `number` unless it is there or further already (bookings commit in any order)."""
    directory = _directory()
    with open(directory / ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        current = read(chain)
        if current is not None and current.number >= number:
            return
        temporary = directory / f".{chain}.new"
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(f"{number} {digest} {_seal(chain, number, digest)}\n")
        os.replace(temporary, directory / chain)  # whole or not at all: a crash leaves the previous anchor
