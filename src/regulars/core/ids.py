"""Ids, counts and text typed or posted by a browser or client: read safely, never a server error (X5 hardening).

A database id is at most 2**63 - 1; "abc", "٣", "-1" or a number beyond that is no id of ours.
"""

MAX_ID = 2**63 - 1
#: control characters that no typed text holds and PostgreSQL refuses (NUL) or a printout garbles
_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def typed_text(value, limit: int) -> str:
    """Text as a cashier types or scans it: without control characters, trimmed, at most `limit` characters."""
    return str(value if value is not None else "").translate(_CONTROL).strip()[:limit]


def parse_int(value, *, low: int, high: int) -> int | None:
    """The whole number from `low` to `high` that `value` writes in ASCII digits, else None."""
    text = str(value if value is not None else "").strip()
    if not (text.isascii() and text.isdecimal()) or len(text) > len(str(high)):
        return None
    number = int(text)
    return number if low <= number <= high else None


def parse_id(value) -> int | None:
    """The database id that `value` writes, else None."""
    return parse_int(value, low=1, high=MAX_ID)
