"""`regulars demo [--customers N]`: demo shops, logins and customers; running it again adds only what is missing."""

import time

from django.core.management.base import CommandError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regulars.core.management.base import Command as RegularsCommand
from regulars.demo.ownership import ForeignDataError
from regulars.demo.services import build


def _number(value: int) -> str:
    """1,000 / 1.000 as the installation's language groups digits."""
    return number_format(value, force_grouping=True)


#: the exit code when the database holds data the demo did not create (scripts/demo serves that data all the same)
FOREIGN_DATA = 3


class Command(RegularsCommand):
    help = gettext_lazy("Load demo data: a German and a Dutch shop, staff, logins and customers; adds what is missing.")

    def add_arguments(self, parser):
        parser.add_argument("--customers", type=int, default=2000, help=_("how many customers (up to 1,000,000)"))

    def handle(self, *args, customers, **options):
        if not 0 <= customers <= 1_000_000:
            raise CommandError(_("--customers takes a number from 0 to 1,000,000."))
        started = time.monotonic()

        def progress(done, todo):
            if done == todo or done % 50_000 == 0:
                self.stdout.write(
                    "  "
                    + _("customers: %(done)s of %(todo)s (%(seconds)s s)")
                    % {"done": _number(done), "todo": _number(todo), "seconds": f"{time.monotonic() - started:.0f}"}
                )

        def history_progress(done, todo, receipts):
            self.stdout.write(
                "  "
                + _("receipts: pass %(done)s of %(todo)s, %(receipts)s (%(seconds)s s)")
                % {
                    "done": done,
                    "todo": todo,
                    "receipts": _number(receipts),
                    "seconds": f"{time.monotonic() - started:.0f}",
                }
            )

        try:
            result = build(customers=customers, progress=progress, history_progress=history_progress)
        except ForeignDataError as refused:
            found = ", ".join(f"{count:,} {name}" for name, count in refused.counts.items())
            error = CommandError(
                _("This database holds data the demo did not create (%(found)s): the demo writes only into an empty "
                  "database or one it filled itself. Use a new data folder for the demo, e.g. "
                  "REGULARS_DATA_DIR=./var-demo.") % {"found": found},
                returncode=FOREIGN_DATA,
            )  # fmt: skip
            raise error from refused
        self.stdout.write(
            _("Demo data ready: %(shops)s; %(customers)s customers and %(receipts)s receipts added in %(seconds)s s.")
            % {
                "shops": ", ".join(shop.name for shop in result.shops),
                "customers": _number(result.created_customers),
                "receipts": _number(result.created_receipts),
                "seconds": f"{time.monotonic() - started:.0f}",
            }
        )
        self.stdout.write(_("Demo logins (user name / password / role):"))
        for username, password, role in result.logins:
            self.stdout.write(f"  {username:8} {password:16} {role}")
