"""Changing one's own password in a real (headless) Chromium: from the user menu to the new password, and the next
login with it."""

import re

import pytest

from regulars.core.tests.browser import expect, fill_new_password, log_in, screenshot
from regulars.core.tests.fixtures import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW = "Frische-Farbe-2027"


def test_a_cashier_changes_the_own_password_and_logs_in_with_the_new_one(page, cashier):
    # given the cashier is logged in
    log_in(page, cashier)
    # when they open their settings from the user menu and the password from there
    page.get_by_role("link", name="kasse").click()
    page.get_by_role("link", name="Change password").click()
    expect(page.get_by_role("heading", name="Change your password")).to_be_visible()
    # and a new password that is too short is refused with the reason
    page.get_by_label("Old password:").fill(PASSWORD)
    fill_new_password(page, "Kurz-1")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("alert")).to_contain_text("This password is too short.")
    screenshot(page, "password-change-refused")
    # when they type a good one
    page.get_by_label("Old password:").fill(PASSWORD)
    fill_new_password(page, NEW)
    page.get_by_role("button", name="Change password").click()
    # then they stay logged in on their settings, which say so
    expect(page).to_have_url(re.compile(r"/me/$"))
    expect(page.get_by_role("status")).to_contain_text("Your password was changed.")
    screenshot(page, "password-changed")
    # and after logging out the old password no longer works, the new one does
    page.get_by_role("button", name="Log out").click()
    page.get_by_label("User name").fill("kasse")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("User name or password is wrong")
    log_in(page, cashier, password=NEW)


def test_an_administrator_sets_a_new_password_from_the_users_page(page, admin_user, cashier):
    log_in(page, admin_user)
    page.goto(f"/users/{cashier.pk}/")
    page.get_by_role("link", name="Set a new password").click()
    expect(page.get_by_role("heading", name="New password for kasse")).to_be_visible()
    fill_new_password(page, NEW)
    screenshot(page, "password-admin")
    page.get_by_role("button", name="Set password").click()
    expect(page.get_by_role("status")).to_contain_text("kasse has a new password")
    cashier.refresh_from_db()
    assert cashier.check_password(NEW)
