"""A forgotten password in a real (headless) Chromium: the link on the login page, the mail on a real SMTP server,
the page of the link, and the login with the new password."""

import re

import pytest

from regulars.communication.tests.fixtures import delivered
from regulars.core.tests.browser import expect, fill_new_password, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW = "Frische-Farbe-2027"
LINK = re.compile(r"http://[^/\s]+/password/new/[\w-]+/[\w-]+/")


def test_a_forgotten_password_is_chosen_again_through_the_mail(page, cashier, mail_account, smtp_server):
    # given the cashier has an e-mail address
    cashier.email = "kasse@example.com"
    cashier.save()
    # when they ask for a link on the login page
    page.goto("/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    screenshot(page, "password-forgot")
    page.get_by_label("User name or e-mail address").fill("kasse")
    page.get_by_role("button", name="Send the link").click()
    # then the login says a link is on its way, and the mail brings it
    expect(page).to_have_url(re.compile(r"/login/$"))
    expect(page.get_by_role("status")).to_contain_text("a link to choose a new password is on its way")
    screenshot(page, "password-forgot-sent")
    [message] = delivered(smtp_server[1])
    link = LINK.search(message.get_body(("plain",)).get_content()).group(0)
    # when they open it and choose a new password
    page.goto(link)
    expect(page.get_by_role("heading", name="Choose a new password")).to_be_visible()
    fill_new_password(page, NEW)
    screenshot(page, "password-reset")
    page.get_by_role("button", name="Set password").click()
    # then they log in with it
    expect(page.get_by_role("status")).to_contain_text("Your new password is set.")
    log_in(page, cashier, password=NEW)
    # and the link no longer works
    page.goto(link)
    expect(page.get_by_role("heading", name="This link no longer works")).to_be_visible()
    screenshot(page, "password-link-used")
