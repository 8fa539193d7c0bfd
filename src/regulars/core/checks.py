"""Start-up checks: what Regulars needs of its database (`regulars check`, and every command)."""

from django.core import checks
from django.db import connections

MIN_SQLITE = (3, 35)  # UPDATE ... RETURNING takes a number in one step (core.services.next_number)


def sqlite_too_old(version_info: tuple[int, ...]) -> checks.Error | None:
    """The error for an SQLite library older than Regulars needs, else None."""
    if tuple(version_info) >= MIN_SQLITE:
        return None
    return checks.Error(
        f"SQLite {'.'.join(map(str, version_info))} is too old: Regulars needs {'.'.join(map(str, MIN_SQLITE))} "
        "or newer.",
        hint="Use Python 3.11 with a newer SQLite (Debian 12, Ubuntu 22.04) or PostgreSQL.",
        id="regulars.E001",
    )


@checks.register(checks.Tags.database)
def database_version(app_configs=None, databases=None, **kwargs) -> list[checks.CheckMessage]:
    """The errors for the databases of this run that Regulars cannot work with."""
    sqlite = [connections[alias] for alias in databases or () if connections[alias].vendor == "sqlite"]
    return [error for c in sqlite if (error := sqlite_too_old(c.Database.sqlite_version_info))]
