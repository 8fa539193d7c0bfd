"""The data folder is its owner's only: 0700, and the files Regulars writes there 0600 (the database with its -wal and
-shm, the secret key, uploads); an older installation's folder is tightened on start.

The static files are public (anyone who opens the login page gets them) and keep the modes collectstatic gives them;
the folder around them is 0700.
"""

import json
import os
import stat

from regulars.core.tests.commands import command_env, ok, shell

#: lists the modes of the data folder's files while the database is open and has been written to (WAL: -wal, -shm)
MODES_WITH_OPEN_DATABASE = """
import json, os, stat
from django.conf import settings
from regulars.core.models import Shop
Shop.objects.create(name='Salon')
root = settings.DATA_DIR
print(json.dumps({name: oct(stat.S_IMODE(os.stat(root / name).st_mode)) for name in ['.', *os.listdir(root)]}))
"""


def mode(path) -> str:
    return oct(stat.S_IMODE(os.stat(path).st_mode))


def test_a_new_installation_is_its_owners_only(tmp_path):
    env = command_env(tmp_path / "data")
    ok("migrate", "--no-input", env=env)
    modes = json.loads(shell(MODES_WITH_OPEN_DATABASE, env=env))
    assert modes == {
        ".": "0o700",
        "regulars.sqlite3": "0o600",
        "regulars.sqlite3-wal": "0o600",
        "regulars.sqlite3-shm": "0o600",
        "secret_key": "0o600",
        "receipt_key": "0o600",
        "static": "0o755",
    }


def test_an_older_installations_folder_is_tightened_on_start(tmp_path):
    data = tmp_path / "data"
    env = command_env(data)
    ok("migrate", "--no-input", env=env)
    data.chmod(0o755)
    for name in ("regulars.sqlite3", "secret_key"):
        (data / name).chmod(0o644)
    ok("check", env=env)
    assert (mode(data), mode(data / "regulars.sqlite3"), mode(data / "secret_key")) == ("0o700", "0o600", "0o600")
