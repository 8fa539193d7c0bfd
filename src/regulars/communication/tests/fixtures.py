import email
import email.policy
import socket
import threading
from contextlib import contextmanager

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from regulars.communication.models import MailAccount
from regulars.sales.services import LineInput, PaymentInput, book_receipt


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """Keeps every message the test SMTP server receives."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"


@contextmanager
def running_smtp_server(**options):
    """A real SMTP server on 127.0.0.1 with its inbox, stopped on leaving."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), ready_timeout=10, **options)
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


def wait_for_user_mails() -> None:
    """Wait until the mails to users handed over in the background (communication.services) are sent or failed."""
    for thread in threading.enumerate():
        if thread.name == "user-mail":
            thread.join(timeout=10)


def delivered(inbox) -> list[email.message.EmailMessage]:
    """The messages the server has received, once the mails to users handed over in the background are delivered."""
    wait_for_user_mails()
    return [email.message_from_bytes(e.original_content, policy=email.policy.default) for e in inbox.envelopes]


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 for the length of one test."""
    with running_smtp_server() as server:
        yield server


SMTP_LOGIN = ("salon", "Geheim-123")


def only_the_salon(server, session, envelope, mechanism, auth_data) -> AuthResult:
    """Lets in the user name and password of SMTP_LOGIN only."""
    return AuthResult(success=(auth_data.login.decode(), auth_data.password.decode()) == SMTP_LOGIN)


@pytest.fixture
def auth_smtp_server():
    """A real SMTP server that accepts messages only after logging in with SMTP_LOGIN (plain, no TLS)."""
    with running_smtp_server(authenticator=only_the_salon, auth_required=True, auth_require_tls=False) as server:
        yield server


@pytest.fixture
def auth_mail_account(auth_smtp_server):
    controller, _inbox = auth_smtp_server
    account = MailAccount(host="127.0.0.1", port=controller.port, security="none", sender="salon@example.com")
    account.username = SMTP_LOGIN[0]
    account.set_password(SMTP_LOGIN[1])
    account.save()
    return account


@pytest.fixture
def mail_account(smtp_server):
    controller, _inbox = smtp_server
    return MailAccount.objects.create(
        host="127.0.0.1", port=controller.port, security="none", sender="salon@example.com", sender_name="Salon"
    )


@pytest.fixture
def closed_account(db):
    return MailAccount.objects.create(host="127.0.0.1", port=free_port(), security="none", sender="salon@example.com")


@pytest.fixture
def mailed_sale(shop_de, till, jana, make_customer, haircut, shampoo):
    shop_de.vat_id = "DE123456789"
    shop_de.save()
    customer = make_customer(
        first_name="Käthe", last_name="Müller", street="Hauptstraße 1", postcode="50667", city="Köln",
        emails=[("kaethe@example.com", "private")],
    )  # fmt: skip
    lines = [LineInput(service=haircut), LineInput(article=shampoo)]
    return book_receipt(
        till=till, staff=jana, customer=customer, lines=lines, payments=[PaymentInput(method="card", amount=5750)]
    )
