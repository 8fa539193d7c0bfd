"""A forgotten password: the login sends a link by e-mail through the shop's mail account (a real SMTP server here),
the link leads to a new password; the answer never tells whether a login exists, and mails come at most every few
minutes."""

import logging
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from regulars.audit.services import history_of
from regulars.communication.models import MailAccount
from regulars.communication.tests.fixtures import delivered, running_smtp_server, wait_for_user_mails
from regulars.core.models import User
from regulars.core.tests.fixtures import PASSWORD

NEW = "Frische-Farbe-2027"
LINK = re.compile(r"http://testserver(/password/new/[\w-]+/[\w-]+/)")
SENT = "a link to choose a new password is on its way"


@pytest.fixture
def kasse(cashier):
    """The cashier with an e-mail address."""
    cashier.email = "kasse@example.com"
    cashier.save()
    return cashier


def ask_for_link(login: str, client=None):
    return (client or Client(HTTP_ACCEPT_LANGUAGE="en")).post("/password/forgot/", {"email": login}, follow=True)


def link_in(message) -> str:
    return LINK.search(message.get_body(("plain",)).get_content()).group(1)


def test_a_forgotten_password_is_set_again_by_the_link_in_the_mail(kasse, mail_account, smtp_server):
    _controller, inbox = smtp_server
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert 'href="/password/forgot/"' in client.get("/login/").text
    # when the cashier asks for a link by their user name
    answer = ask_for_link("kasse", client)
    # then the login says a link is on its way, and it arrives through the shop's mail account
    assert answer.redirect_chain[-1][0] == "/login/" and SENT in answer.text
    [message] = delivered(inbox)
    assert message["To"] == "kasse@example.com" and message["From"] == "Salon <salon@example.com>"
    assert message["Subject"] == "Choose a new password for Regulars"
    assert "“kasse”" in message.get_body(("plain",)).get_content()
    # when they follow the link and choose a new password
    form = client.get(link_in(message), follow=True)
    assert form.redirect_chain[-1][0].endswith("/set-password/") and 'name="new_password1"' in form.text
    done = client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}, follow=True)
    # then they log in with it, and the old one no longer works
    assert done.redirect_chain[-1][0] == "/login/" and "Your new password is set." in done.text
    assert Client().post("/login/", {"username": "kasse", "password": PASSWORD}).status_code == 200
    logged_in = Client().post("/login/", {"username": "kasse", "password": NEW}, follow=True)
    assert logged_in.redirect_chain[-1][0] == "/customers/"
    # and the protocol names the cashier, not the password
    entry = history_of(kasse).get(field="password", action="changed")
    assert entry.user == kasse and entry.new_value == {"changed": True}


def test_the_link_works_once(kasse, mail_account, smtp_server):
    ask_for_link("kasse@example.com")
    [message] = delivered(smtp_server[1])
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    form_url = client.get(link_in(message), follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    again = Client(HTTP_ACCEPT_LANGUAGE="en").get(link_in(message), follow=True)
    assert "This link no longer works" in again.text and 'name="new_password1"' not in again.text


def test_the_mail_and_the_pages_speak_the_users_language(kasse, mail_account, smtp_server):
    # given the cashier speaks German and asks from an English browser
    kasse.language = "de"
    kasse.save()
    ask_for_link("kasse")
    # then the mail is German
    [message] = delivered(smtp_server[1])
    text = message.get_body(("plain",)).get_content()
    assert message["Subject"] == "Wählen Sie ein neues Passwort für Regulars"
    assert text.startswith("Hallo kasse,") and "Der Link gilt eine Stunde lang und nur einmal." in text
    # and the page of the link in a German browser too, with the rules of a password
    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    page = client.get(link_in(message), follow=True)
    assert "Neues Passwort wählen" in page.text and "mindestens 8 Zeichen" in page.text
    refused = client.post(page.redirect_chain[-1][0], {"new_password1": "kurz", "new_password2": "kurz"})
    assert refused.status_code == 200 and "Dieses Passwort ist zu kurz." in refused.text


def test_the_answer_does_not_tell_whether_a_login_exists(kasse, manager, mail_account, smtp_server):
    # given a manager without an e-mail address and an inactive login with one
    User.objects.create_user("weg", email="weg@example.com", password=PASSWORD, is_active=False)
    # when links are asked for every one of them and for names no one has
    answers = [
        ask_for_link(login)
        for login in ("kasse", "KASSE@example.com", "chef", "weg", "weg@example.com", "niemand", "x@example.com")
    ]
    # then every answer is the same, and one mail arrives: the cashier's (the second asking waits its turn)
    assert {(a.redirect_chain[-1][0], SENT in a.text) for a in answers} == {("/login/", True)}
    assert [m["To"] for m in delivered(smtp_server[1])] == ["kasse@example.com"]


def test_at_most_one_mail_per_user_every_few_minutes(kasse, mail_account, smtp_server):
    # when the link is asked for three times at once
    for _ in range(3):
        ask_for_link("kasse")
    # then one mail arrives
    assert len(delivered(smtp_server[1])) == 1
    # and after five minutes the next one may go
    User.objects.filter(pk=kasse.pk).update(password_mail_sent_at=timezone.now() - timedelta(minutes=5))
    ask_for_link("kasse")
    assert len(delivered(smtp_server[1])) == 2


def test_the_mail_goes_through_the_account_of_the_users_shop(kasse, manager, shop_nl, mail_account, smtp_server):
    # given the installation's account (mail_account) and one of the cashier's shop on another server
    with running_smtp_server() as (controller, shop_inbox):
        MailAccount.objects.create(
            shop=kasse.shop, host="127.0.0.1", port=controller.port, security="none", sender="koeln@example.com"
        )
        # and a manager in a shop without an account of its own
        manager.shop, manager.email = shop_nl, "chef@example.com"
        manager.save()
        # when both ask for a link
        ask_for_link("kasse")
        ask_for_link("chef")
        # then each comes through the account of their shop, else the installation's
        assert [m["From"] for m in delivered(shop_inbox)] == ["koeln@example.com"]
    assert [(m["To"], m["From"]) for m in delivered(smtp_server[1])] == [
        ("chef@example.com", "Salon <salon@example.com>")
    ]


@pytest.mark.parametrize("login", ["", "\x00", str(2**64), "x" * 300, "' OR 1=1 --", "kasse\r\nBcc: x@example.com"])
def test_odd_input_is_answered_without_a_server_error_or_a_mail(kasse, mail_account, smtp_server, login):
    answer = ask_for_link(login)
    assert answer.status_code == 200
    assert delivered(smtp_server[1]) == []


def test_an_unreachable_mail_server_gives_the_same_answer_and_is_logged(kasse, closed_account, caplog):
    with caplog.at_level(logging.ERROR):
        answer = ask_for_link("kasse")
        wait_for_user_mails()
    assert answer.status_code == 200 and SENT in answer.text
    assert f"could not be sent through 127.0.0.1:{closed_account.port}" in caplog.text
