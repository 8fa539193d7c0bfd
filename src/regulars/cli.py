"""The `regulars` console command: Django's management commands plus our own (serve, demo, ...).

What stops a command because of the installation (settings, the data folder, the database) is printed as one line in
the installation's language (REGULARS_LANGUAGE), with a non-zero exit; `--traceback` shows the traceback instead.
"""

import gettext
import os
import sys
from collections import defaultdict
from pathlib import Path

from django.core.management import ManagementUtility, get_commands, load_command_class
from django.utils.translation import gettext as _

#: commands that only read: they open the database read-only and write nothing to the data folder
READ_ONLY_COMMANDS = {"verify-receipts"}
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
EXIT_FAILURE = 1


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regulars.settings")
    if args[:1] and args[0] in READ_ONLY_COMMANDS:
        os.environ["REGULARS_READ_ONLY"] = "1"
    from regulars.startup import StartupError

    try:
        _run(args)
    except StartupError as error:
        _fail(error.message, error.params)
    except Exception as error:
        problem = _problem(error)
        if problem is None or "--traceback" in args:
            raise
        _fail(*problem)


def _run(args: list[str]) -> None:
    from django.conf import settings

    settings.INSTALLED_APPS  # noqa: B018 -- loads the settings: a StartupError comes here, not in Django's handling
    RegularsUtility(["regulars", *args]).execute()


class RegularsUtility(ManagementUtility):
    """Django's command line, with Regulars' own commands listed first in the help."""

    def main_help_text(self, commands_only=False):
        """Regulars' own commands with what they do, then Django's by app."""
        if commands_only:
            return super().main_help_text(commands_only)
        ours, django = {}, defaultdict(list)
        for name, app in get_commands().items():
            if app.startswith("regulars."):
                ours[name] = str(load_command_class(app, name).help).split("\n")[0]
            else:
                django["django" if app == "django.core" else app.rpartition(".")[-1]].append(name)
        lines = ["", _("Type '%(prog)s help COMMAND' for help on a command.") % {"prog": self.prog_name}, ""]
        lines += [_("Regulars' commands:"), *(f"  {name:<17} {ours[name]}" for name in sorted(ours)), ""]
        lines.append(_("Django's commands:"))
        for app in sorted(django):
            lines += [f"  [{app}]", *(f"    {name}" for name in sorted(django[app]))]
        return "\n".join(lines)


def _problem(error: Exception) -> tuple[str, dict] | None:
    """The line for an error of the installation (database, files), else None: a bug keeps its traceback."""
    from django.db import InterfaceError, OperationalError, ProgrammingError
    from django.utils.translation import gettext_noop

    from regulars.startup import NOT_MIGRATED

    if isinstance(error, OSError) and error.filename:
        message = gettext_noop(
            "Regulars cannot use %(path)s (%(reason)s). Check that the data folder belongs to the user running "
            "Regulars."
        )
        return message, {"path": error.filename, "reason": error.strerror}
    if not isinstance(error, ProgrammingError | OperationalError | InterfaceError):
        return None
    reason = " ".join(str(error).split("\n")[0].split())
    missing_table = "does not exist" if isinstance(error, ProgrammingError) else "no such table"
    if missing_table in reason:
        return NOT_MIGRATED, {}
    return _unreachable(reason) if not isinstance(error, ProgrammingError) else None


def _unreachable(reason: str) -> tuple[str, dict]:
    from django.conf import settings
    from django.utils.translation import gettext_noop

    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        message = gettext_noop(
            "The database %(path)s cannot be used (%(reason)s). Check that the data folder (REGULARS_DATA_DIR) and the "
            "database in it belong to the user running Regulars."
        )
        return message, {"path": settings.DATA_DIR / "regulars.sqlite3", "reason": reason}
    message = gettext_noop(
        "The database cannot be reached (%(reason)s). Check DATABASE_URL and that the database server is running."
    )
    return message, {"reason": reason}


def _fail(message: str, params: dict) -> None:
    """Print MESSAGE in the installation's language and end with a failure.

    Django's translations may not be ready (the settings did not load), so the catalogue is read with gettext itself.
    """
    language = os.environ.get("REGULARS_LANGUAGE", "de")
    catalogue = gettext.translation("django", localedir=LOCALE_DIR, languages=[language], fallback=True)
    sys.stderr.write(catalogue.gettext(message) % params + "\n")
    sys.exit(EXIT_FAILURE)


if __name__ == "__main__":
    main()
