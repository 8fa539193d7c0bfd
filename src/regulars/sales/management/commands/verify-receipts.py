"""`regulars verify-receipts`: exit 0 when every till's receipt chain is intact, else name the receipts.

It only reads: the database is opened read-only (regulars.cli), so it also runs on a copy in a read-only folder.
"""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from regulars.core.management.base import Command as RegularsCommand
from regulars.sales.fiscal import verify_chains
from regulars.sales.models import Receipt


class Command(RegularsCommand):
    help = gettext_lazy("Check the hash chain and the numbering of every till's receipts; only reads.")

    def handle(self, *args, **options):
        breaks = verify_chains()
        for chain_break in breaks:
            self.stderr.write(
                _("till %(till)s receipt %(number)s: %(reason)s")
                % {"till": chain_break.till, "number": chain_break.number, "reason": chain_break.reason}
            )
        if breaks:
            raise CommandError(
                ngettext(
                    "%(count)s receipt does not match its hash chain.",
                    "%(count)s receipts do not match their hash chain.",
                    len(breaks),
                )
                % {"count": len(breaks)}
            )
        count = Receipt.objects.count()
        self.stdout.write(
            ngettext("%(count)s receipt is intact.", "All %(count)s receipts are intact.", count) % {"count": count}
        )
