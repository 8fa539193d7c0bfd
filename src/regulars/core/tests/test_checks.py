"""The start-up checks name what the database lacks."""

from django.core.management import call_command

from regulars.core.checks import sqlite_too_old


def test_an_old_sqlite_is_refused_with_the_version_it_needs():
    error = sqlite_too_old((3, 31, 1))
    assert error.id == "regulars.E001" and "SQLite 3.31.1 is too old" in error.msg and "3.35" in error.msg


def test_sqlite_3_35_and_newer_pass():
    assert sqlite_too_old((3, 35, 0)) is None and sqlite_too_old((3, 46, 1)) is None


def test_the_database_in_use_passes_the_check(db):
    call_command("check", "--database", "default", "--fail-level", "ERROR")  # raises SystemCheckError otherwise
