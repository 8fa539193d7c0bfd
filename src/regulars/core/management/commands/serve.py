"""`regulars serve`: run Regulars with gunicorn (never Django's development server)."""

import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve Regulars with gunicorn."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("REGULARS_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("REGULARS_PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("REGULARS_WORKERS", "3")))
        parser.add_argument("--no-collectstatic", action="store_true", help="Serve the static files as they are.")

    def handle(self, *args, host, port, workers, no_collectstatic, **options):
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
        self.stdout.write(f"Regulars is served at http://{host}:{port}/")
        self.stdout.flush()
        os.execv(sys.executable, argv)
