"""PostgreSQL from DATABASE_URL, checked before anything connects."""

import dj_database_url
from django.utils.translation import gettext_noop

from regulars.startup import StartupError

POSTGRESQL = "django.db.backends.postgresql"


def postgresql_database(url: str) -> dict:
    """The database DATABASE_URL names; StartupError (never showing the URL, it may hold a password) when it is none."""
    try:
        database = dj_database_url.parse(url, conn_max_age=60)
    except ValueError:
        database = {}
    if database.get("ENGINE") != POSTGRESQL or not database.get("NAME"):
        raise StartupError(
            gettext_noop(
                "DATABASE_URL is not the address of a PostgreSQL database. Write it as "
                "postgres://user:password@host:5432/regulars, or leave it unset to use SQLite."
            )
        )
    return database
