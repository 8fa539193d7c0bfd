"""What the `regulars` command says when the installation is wrong: one line in its language, a non-zero exit.

Run as an operator does, each command a process of its own (see commands.py).
"""

import argparse
import re
import shutil
import socket
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

from regulars.core.tests.commands import command_env, free_port, ok, one_line, read_only, regulars, shell

PASSWORD = "Till-Pass-2026!"
UNREACHABLE = "postgres://regulars:s3cret@127.0.0.1:1/regulars"
OUR_COMMANDS = ["createuser", "demo", "serve", "token", "verify-receipts"]


@pytest.fixture(scope="module")
def installation(tmp_path_factory):
    """A migrated SQLite installation with the demo's two shops and a few receipts."""
    env = command_env(tmp_path_factory.mktemp("regulars-errors"))
    ok("migrate", "--no-input", env=env)
    ok("demo", "--customers", "3", env=env)
    return env


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "The database cannot be reached (connection failed:"),
        ("de", "Die Datenbank ist nicht erreichbar (connection failed:"),
    ],
)
def test_an_unreachable_postgresql_is_one_line(tmp_path, language, expected):
    line = one_line(regulars("migrate", env=command_env(tmp_path, UNREACHABLE, REGULARS_LANGUAGE=language)))
    assert line.startswith(expected) and "Connection refused" in line and "DATABASE_URL" in line
    assert "s3cret" not in line


@pytest.mark.parametrize(
    "url",
    [
        "nonsense",
        "mysql://regulars@localhost/regulars",
        "postgres://regulars:s3cret@localhost:port/regulars",
        "postgres://localhost",
    ],
)
def test_a_malformed_database_url_is_one_line_without_the_password(tmp_path, url):
    line = one_line(regulars("check", env=command_env(tmp_path, url)))
    assert line.startswith("DATABASE_URL is not the address of a PostgreSQL database.")
    assert "s3cret" not in line


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "is a file. Set REGULARS_DATA_DIR to a folder"), ("de", "ist eine Datei. Setzen Sie REGULARS_DATA_DIR")],
)
def test_a_data_folder_that_is_a_file_is_one_line(tmp_path, language, expected):
    (tmp_path / "data").write_text("not a folder")
    line = one_line(regulars("migrate", env=command_env(tmp_path / "data", REGULARS_LANGUAGE=language)))
    assert expected in line and str(tmp_path / "data") in line


def test_a_data_folder_that_cannot_be_created_is_one_line(tmp_path):
    (tmp_path / "file").write_text("")
    line = one_line(regulars("migrate", env=command_env(tmp_path / "file" / "data")))
    assert f"The data folder {tmp_path / 'file' / 'data'} cannot be created (Not a directory)." in line


def test_a_read_only_data_folder_refuses_writing_commands_and_runs_verify_receipts(installation, tmp_path):
    # given a copy of an installation in a folder nobody may write to
    copy = tmp_path / "copy"
    shutil.copytree(installation["REGULARS_DATA_DIR"], copy)
    env, prefix = command_env(copy), read_only(copy)
    # then a command that writes says so in one line
    line = one_line(regulars("migrate", env=env, prefix=prefix))
    assert line.startswith(f"Regulars cannot write to the data folder {copy}.")
    # and verify-receipts, which only reads, runs
    result = regulars("verify-receipts", env=env, prefix=prefix)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"All \d+ receipts are intact\.\n", result.stdout) and "All 0" not in result.stdout
    assert sorted(path.name for path in copy.iterdir()) == sorted(
        path.name for path in Path(installation["REGULARS_DATA_DIR"]).iterdir()
    ), "nothing was written"


def test_a_missing_database_or_one_not_migrated_is_one_line(tmp_path):
    line = one_line(
        regulars("createuser", "anna", "--role", "admin", "--password", PASSWORD, env=command_env(tmp_path))
    )
    assert line == "The database is not up to date. Run regulars migrate first."


def test_a_wrong_proxy_count_is_one_line(tmp_path):
    line = one_line(regulars("check", env=command_env(tmp_path, REGULARS_PROXY_COUNT="two")))
    assert line == "REGULARS_PROXY_COUNT must be a whole number (0, 1, 2, ...), not 'two'."


def serve(env: dict[str, str]) -> tuple[str, int]:
    """Start `regulars serve` on a free port; its one line of refusal and whether anything answers on the port."""
    port = free_port()
    line = one_line(regulars("serve", "--port", str(port), "--workers", "1", env=env))
    with socket.socket() as sock:
        return line, sock.connect_ex(("127.0.0.1", port))


def test_serve_refuses_to_start_without_its_database(tmp_path):
    line, answered = serve(command_env(tmp_path, UNREACHABLE))
    assert line.startswith("The database cannot be reached") and answered != 0


def test_serve_refuses_to_start_on_a_database_not_migrated(tmp_path):
    line, answered = serve(command_env(tmp_path))
    assert line == "The database is not up to date. Run regulars migrate first." and answered != 0


def test_help_lists_our_commands_first_with_what_they_do(installation):
    text = ok("--help", env=installation)
    ours, django = text.index("Regulars' commands:"), text.index("Django's commands:")
    assert ours < django
    for name in OUR_COMMANDS:
        assert re.search(rf"^  {name} +\w", text[ours:django], re.MULTILINE), name
    assert "migrate" in text[django:]


@pytest.mark.parametrize("command", OUR_COMMANDS)
def test_every_option_of_our_commands_has_help_and_shows_its_default(command):
    parser = load_command_class(get_commands()[command], command).create_parser("regulars", command)
    formatter = parser._get_formatter()
    for action in parser._actions:
        assert action.help, f"{command} {action.dest} has no help"
        if action.option_strings and action.default not in (None, False, argparse.SUPPRESS):
            assert "%(default)" in formatter._get_help_string(action), f"{command} {action.dest} hides its default"


def test_the_defaults_show_in_the_help(installation):
    text = ok("serve", "--help", env={**installation, "COLUMNS": "200"})
    assert "port to listen on (default: 8000)" in text and "(default: 3)" in text
    assert "(default: 2000)" in ok("demo", "--help", env={**installation, "COLUMNS": "200"})


def test_createuser_with_several_shops_asks_which(installation):
    result = regulars("createuser", "berta", "--role", "cashier", "--password", PASSWORD, env=installation)
    line = one_line(result)
    assert "choose it with --shop" in line and "Kapsalon De Linde" in line and "Salon Sonnenschein" in line


def test_createuser_refuses_an_unknown_shop_by_name(installation):
    line = one_line(
        regulars(
            "createuser",
            "carl",
            "--role",
            "manager",
            "--shop",
            "Salon Nirgendwo",
            "--password",
            PASSWORD,
            env=installation,
        )
    )
    assert "There is no shop named 'Salon Nirgendwo'." in line and "Salon Sonnenschein" in line


def test_createuser_puts_a_cashier_into_the_shop_named_and_an_administrator_into_none(installation):
    out = ok(
        "createuser",
        "dana",
        "--role",
        "cashier",
        "--shop",
        "Kapsalon De Linde",
        "--password",
        PASSWORD,
        env=installation,
    )
    assert "Created cashier dana in Kapsalon De Linde." in out
    ok("createuser", "ede", "--role", "admin", "--password", PASSWORD, env=installation)
    script = (
        "from regulars.core.models import User; "
        "print([(u.username, str(u.shop)) for u in User.objects.filter(username__in=['dana', 'ede'])])"
    )
    assert shell(script, env=installation) == "[('dana', 'Kapsalon De Linde'), ('ede', 'None')]"
