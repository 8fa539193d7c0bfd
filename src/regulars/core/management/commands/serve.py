"""`regulars serve`: run Regulars with gunicorn (never Django's development server), once the database answers."""

import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regulars.core.management.base import Command as RegularsCommand
from regulars.startup import NOT_MIGRATED, StartupError


class Command(RegularsCommand):
    help = gettext_lazy("Serve Regulars with gunicorn; refuses to start when the database cannot be used.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--host", default=os.environ.get("REGULARS_HOST", "127.0.0.1"), help=_("address to listen on")
        )
        parser.add_argument(
            "--port", type=int, default=int(os.environ.get("REGULARS_PORT", "8000")), help=_("port to listen on")
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("REGULARS_WORKERS", "3")),
            help=_("gunicorn worker processes (each with two threads)"),
        )
        parser.add_argument(
            "--no-collectstatic", action="store_true", help=_("serve the static files as they are, without collecting")
        )

    def handle(self, *args, host, port, workers, no_collectstatic, **options):
        check_database()
        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        argv = [
            sys.executable, "-m", "gunicorn", "regulars.wsgi:application",
            "--bind", f"{host}:{port}",
            "--workers", str(workers),
            "--threads", "2",
            "--access-logfile", "-" if settings.DEBUG else "/dev/null",
            "--timeout", "120",
        ]  # fmt: skip
        self.stdout.write(_("Regulars is served at http://%(host)s:%(port)s/") % {"host": host, "port": port})
        self.stdout.flush()
        os.execv(sys.executable, argv)


def check_database() -> None:
    """Connect once (an error says why the database cannot be reached) and refuse a database that is not migrated.

    Both end the command with one line (regulars.cli), before gunicorn binds the port.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    connection.ensure_connection()
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise StartupError(NOT_MIGRATED)
