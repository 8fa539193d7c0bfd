"""How a mail reaches a user (the link to choose a new password): another app supplies it, so that the core imports
no app of ours.

The communication app, which keeps the shops' mail accounts, registers a `UserMail` in its AppConfig.ready(). Without
one, or while it says no mail can be sent (no mail account is set up), the login page offers no "forgot password"
and says to ask an administrator.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class UserMail:
    #: whether mails can be sent to users at all
    available: Callable[[], bool]
    #: send(user=..., subject=..., body=...): a plain-text mail to the user's e-mail address; raises when it cannot
    send: Callable[..., None]


_registered: list[UserMail] = []


class NoUserMail(Exception):
    """No app sends mails to users, or none can be sent now."""


def register(mail: UserMail) -> None:
    _registered[:] = [mail]


def can_mail_users() -> bool:
    """Whether a mail to a user can be sent (an app supplies it and has a way to send it)."""
    return bool(_registered) and _registered[0].available()


def mail_user(*, user, subject: str, body: str) -> None:
    """Send a plain-text mail to the user's e-mail address; NoUserMail when no app can send it."""
    if not can_mail_users():
        raise NoUserMail
    _registered[0].send(user=user, subject=subject, body=body)
