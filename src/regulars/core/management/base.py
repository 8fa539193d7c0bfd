"""What Regulars' own commands share: their help in the installation's language, every option with its default."""

import argparse

from django.core.management.base import BaseCommand, DjangoHelpFormatter
from django.utils.translation import gettext as _


class HelpFormatter(DjangoHelpFormatter):
    """Django's order of options, with each option's default after its help where it has one."""

    def _get_help_string(self, action):
        text = action.help or ""
        if (
            action.option_strings
            and action.default not in (None, False, argparse.SUPPRESS)
            and "%(default)" not in text
        ):
            default = _("(default: %(default)s)")
            text = f"{text} {default}"
        return text


class Command(BaseCommand):
    """A command of Regulars: `help` may be a lazy translation; the options show their defaults."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.description = str(self.help)
        return parser
