"""The error that stops Regulars before it starts (raised by the settings), one line for the operator (regulars.cli)."""


def gettext_noop(message: str) -> str:
    """Marks MESSAGE for translation (as Django's does); this module is imported before Django's may be."""
    return message


NOT_MIGRATED = gettext_noop("The database is not up to date. Run regulars migrate first.")


class StartupError(Exception):
    """Regulars cannot start as configured.

    `message` is the English text, marked with gettext_noop: it is translated when printed, since Django's
    translations are not ready while the settings load. `params` fill its %(name)s placeholders.
    """

    def __init__(self, message: str, **params):
        super().__init__(message % params)
        self.message = message
        self.params = params
