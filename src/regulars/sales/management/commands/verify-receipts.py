"""`regulars verify-receipts`: exit 0 when every till's receipts and the links are intact, else name each break."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regulars.sales.fiscal import verify


class Command(BaseCommand):
    help = (
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
        self.stdout.write(_("All %(count)d receipts are intact.") % {"count": result.receipts})
