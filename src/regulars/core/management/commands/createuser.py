"""`regulars createuser USERNAME --role cashier|manager|admin [--password PW] [--shop NAME] [--language L]`."""

import getpass

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regulars.core.management.base import Command as RegularsCommand
from regulars.core.models import Shop, User
from regulars.core.roles import Role
from regulars.core.services import create_user


class Command(RegularsCommand):
    help = gettext_lazy("Create a login with a role; asks for the password when none is given.")

    def add_arguments(self, parser):
        parser.add_argument("username", help=_("the user name to log in with"))
        parser.add_argument("--role", choices=[r.value for r in Role], default=Role.CASHIER.value, help=_("the role"))
        parser.add_argument("--password", help=_("the password; without it, it is asked for"))
        languages = [code for code, _name in settings.LANGUAGES]
        parser.add_argument(
            "--language", choices=languages, default="", help=_("the user's language; none: the shop's")
        )
        parser.add_argument(
            "--shop",
            help=_("the name of the user's shop; needed for a cashier or manager when there are several shops"),
        )

    def handle(self, *args, username, role, password, language, shop, **options):
        if User.objects.filter(username=username).exists():
            raise CommandError(_("A user named '%(username)s' exists already.") % {"username": username})
        shop_obj = self.shop(shop, Role(role))
        if password is None:
            password = getpass.getpass(_("Password: "))
            if password != getpass.getpass(_("Password (again): ")):
                raise CommandError(_("The passwords differ."))
        try:
            validate_password(password, User(username=username))
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        create_user(username=username, role=Role(role), password=password, shop=shop_obj, language=language)
        if shop_obj is None:
            self.stdout.write(_("Created %(role)s %(username)s.") % {"role": role, "username": username})
        else:
            self.stdout.write(
                _("Created %(role)s %(username)s in %(shop)s.") % {"role": role, "username": username, "shop": shop_obj}
            )

    def shop(self, name: str | None, role: Role) -> Shop | None:
        """The shop named NAME; without a name the only shop, or none for an administrator or before the first shop."""
        shops = list(Shop.objects.all())
        names = ", ".join(shop.name for shop in shops)
        if name is not None:
            named = [shop for shop in shops if shop.name == name]
            if len(named) != 1:
                raise CommandError(
                    _("There is no shop named '%(name)s'. The shops: %(shops)s.")
                    % {"name": name, "shops": names or "—"}
                    if not named
                    else _("Several shops are named '%(name)s'. Rename one of them first.") % {"name": name}
                )
            return named[0]
        if role == Role.ADMIN or not shops:
            return None
        if len(shops) > 1:
            raise CommandError(
                _("A user with the role %(role)s works in one shop: choose it with --shop. The shops: %(shops)s.")
                % {"role": role.label, "shops": names}
            )
        return shops[0]
