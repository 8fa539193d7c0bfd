"""`regulars verify-receipts`: exit 0 when every till's receipt chain is intact, else name the receipts."""

from django.core.management.base import BaseCommand, CommandError

from regulars.sales.fiscal import verify_chains
from regulars.sales.models import Receipt


class Command(BaseCommand):
    help = "Check the hash chain and the numbering of every till's receipts."

    def handle(self, *args, **options):
        breaks = verify_chains()
        for chain_break in breaks:
            self.stderr.write(f"till {chain_break.till} receipt {chain_break.number}: {chain_break.reason}")
        if breaks:
            raise CommandError(f"{len(breaks)} receipt(s) do not match their hash chain.")
        self.stdout.write(f"All {Receipt.objects.count()} receipts are intact.")
