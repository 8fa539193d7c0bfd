"""The data folder: created for the owner only (0700), its database and secret key 0600; read-only when asked."""

import os
import stat
from pathlib import Path
from urllib.parse import quote

from django.utils.translation import gettext_noop

from regulars.startup import StartupError

DATABASE_FILE = "regulars.sqlite3"
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def prepare_data_dir(path: Path, *, read_only: bool) -> Path:
    """The data folder, created when missing and tightened to its owner; StartupError when it cannot serve."""
    if path.exists() and not path.is_dir():
        raise StartupError(
            gettext_noop("The data folder %(path)s is a file. Set REGULARS_DATA_DIR to a folder, or move the file."),
            path=path,
        )
    if read_only:
        if not path.is_dir():
            raise StartupError(
                gettext_noop(
                    "The data folder %(path)s does not exist. Set REGULARS_DATA_DIR to the data folder of the "
                    "installation."
                ),
                path=path,
            )
        return path
    try:
        path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    except OSError as error:
        raise StartupError(
            gettext_noop(
                "The data folder %(path)s cannot be created (%(reason)s). Create it, or set REGULARS_DATA_DIR to a "
                "folder Regulars may write to."
            ),
            path=path,
            reason=error.strerror,
        ) from error
    if not os.access(path, os.W_OK | os.X_OK):
        raise StartupError(
            gettext_noop(
                "Regulars cannot write to the data folder %(path)s. Make it writable for the user running Regulars, "
                "or set REGULARS_DATA_DIR to another folder."
            ),
            path=path,
        )
    _keep_private(path)
    return path


def _keep_private(path: Path) -> None:
    """Take away what others may do with the folder and the files in it (an older installation made them 0755/0644).

    Only the owner may change the modes; for anyone else (e.g. a backup user reading) they stay as they are.
    """
    if path.stat().st_uid != os.geteuid():
        return
    _restrict(path, PRIVATE_FOLDER)
    for child in path.iterdir():
        if child.is_file() and not child.is_symlink():
            _restrict(child, PRIVATE_FILE)


def _restrict(path: Path, mode: int) -> None:
    if stat.S_IMODE(path.stat().st_mode) & ~mode:
        path.chmod(mode)


def sqlite_database(data_dir: Path, *, read_only: bool) -> dict:
    """The SQLite database in the data folder: WAL, a busy timeout, IMMEDIATE transactions; or opened read-only.

    A new database file is created 0600 before SQLite opens it, and SQLite gives its -wal and -shm files the same mode.
    Read-only (a command that only reads, in a folder it may not write): `mode=ro`, and where SQLite could not even
    create the -shm file it needs for WAL, `immutable=1`, which reads the file as it stands.
    """
    path = data_dir / DATABASE_FILE
    if read_only:
        return _read_only_sqlite(path)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        # kept open between requests: closing the last connection to a WAL database checkpoints it each time
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"
            ),
        },
        "TEST": {"NAME": os.environ.get("REGULARS_TEST_SQLITE", str(data_dir / "test.sqlite3"))},
    }


def _read_only_sqlite(path: Path) -> dict:
    if not path.is_file():
        raise StartupError(
            gettext_noop(
                "There is no database %(path)s. Set REGULARS_DATA_DIR to the data folder of the installation."
            ),
            path=path,
        )
    shm = path.with_name(path.name + "-shm")
    immutable = not os.access(path.parent, os.W_OK) and not shm.exists()
    uri = f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": uri, "OPTIONS": {"timeout": 20}}
