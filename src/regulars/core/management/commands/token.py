"""`regulars token USERNAME [--revoke]`: issue a user's API token (the last word printed) or end it."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regulars.core.management.base import Command as RegularsCommand
from regulars.core.models import ApiToken, User
from regulars.core.services import issue_api_token, revoke_api_token


class Command(RegularsCommand):
    help = gettext_lazy("Issue a new API token for a user (shown only now; the previous one stops working), or end it.")

    def add_arguments(self, parser):
        parser.add_argument("username", help=_("the user's name"))
        parser.add_argument("--revoke", action="store_true", help=_("end the user's token without issuing a new one"))

    def handle(self, *args, username, revoke, **options):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(_("No active user named '%(username)s'.") % {"username": username})
        if revoke:
            if not revoke_api_token(user=user):
                raise CommandError(_("%(username)s has no API token.") % {"username": username})
            self.stdout.write(_("The API token of %(username)s no longer works.") % {"username": username})
            return
        if ApiToken.objects.filter(user=user).exists():
            self.stdout.write(_("The previous API token of %(username)s no longer works.") % {"username": username})
        key = issue_api_token(user=user)
        self.stdout.write(
            _("New API token for %(username)s (shown only now): %(key)s") % {"username": username, "key": key}
        )
