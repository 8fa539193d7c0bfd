"""`regulars verify-receipts`: exit 0 when every till's receipts and the links are intact, else name each break.

It only reads: the database is opened read-only (regulars.cli), so it also runs on a copy in a read-only folder.
"""

from django.core.management.base import CommandError
from django.utils.translation import gettext_lazy, ngettext

from regulars.core.management.base import Command as RegularsCommand
from regulars.sales.fiscal import verify


class Command(RegularsCommand):
    help = gettext_lazy(
        "Check every fiscal record against its seal: each till's receipts (content, numbering, chain, the anchor "
        "outside the database), the sellers' data and the receipts linked to customers afterwards. Only reads."
    )

    def handle(self, *args, **options):
        result = verify()
        for chain_break in result.breaks:
            self.stderr.write(str(chain_break))
        if result.breaks:
            raise CommandError(
                ngettext("%(count)d place does not match its seal: see above.",
                         "%(count)d places do not match their seal: see above.", len(result.breaks))
                % {"count": len(result.breaks)}
            )  # fmt: skip
        self.stdout.write(
            ngettext("%(count)d receipt is intact.", "All %(count)d receipts are intact.", result.receipts)
            % {"count": result.receipts}
        )
