"""`regulars token USERNAME`: print the user's API token (the last word printed)."""

from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token

from regulars.core.models import User


class Command(BaseCommand):
    help = "Print the API token of a user, creating it when needed."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user named {username!r}.")
        token, _created = Token.objects.get_or_create(user=user)
        self.stdout.write(f"API token for {username}: {token.key}")
