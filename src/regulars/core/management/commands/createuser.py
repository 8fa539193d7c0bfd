"""`regulars createuser USERNAME --role cashier|manager|admin [--password PW]`."""

import getpass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from regulars.core.models import Shop, User
from regulars.core.roles import Role
from regulars.core.services import create_user


class Command(BaseCommand):
    help = "Create a login with a role; asks for the password when none is given."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=[r.value for r in Role], default=Role.CASHIER.value)
        parser.add_argument("--password")
        parser.add_argument("--language", choices=["de", "nl", "en"], default="")
        parser.add_argument("--shop", help="name of the user's shop")

    def handle(self, *args, username, role, password, language, shop, **options):
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} exists already.")
        if password is None:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords differ.")
        try:
            validate_password(password, User(username=username))
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        shop_obj = Shop.objects.filter(name=shop).first() if shop else Shop.objects.first()
        create_user(username=username, role=Role(role), password=password, shop=shop_obj, language=language)
        self.stdout.write(f"Created {role} {username}.")
