"""Passwords: every user changes their own, an administrator sets one for a user; without a mail account the login
offers no link for a forgotten password (the link by e-mail: communication/tests/test_password_reset.py)."""

import pytest
from django.test import Client

from regulars.audit.services import history_of
from regulars.core.tests.fixtures import PASSWORD

NEW = "Frische-Farbe-2027"


def logged_in(user, password=PASSWORD) -> Client:
    """A browser of its own, logged in through the login form."""
    client = Client()
    assert client.post("/login/", {"username": user.username, "password": password}).status_code == 302
    return client


def change_own(client, old=PASSWORD, new=NEW, again=None):
    return client.post(
        "/me/password/", {"old_password": old, "new_password1": new, "new_password2": new if again is None else again}
    )


def test_a_cashier_changes_the_own_password_and_other_devices_are_logged_out(cashier):
    # given the cashier is logged in at the till and on a tablet
    till, tablet = logged_in(cashier), logged_in(cashier)
    # when they change their password at the till
    response = change_own(till)
    # then the till stays logged in and says so, the tablet is logged out
    assert response.status_code == 302 and response["Location"] == "/me/"
    assert "Your password was changed." in till.get("/me/").text
    assert till.get("/customers/").status_code == 200
    assert tablet.get("/customers/")["Location"].startswith("/login/")
    # and the new password logs in, the old one no longer
    cashier.refresh_from_db()
    assert cashier.check_password(NEW) and not cashier.check_password(PASSWORD)
    assert Client().post("/login/", {"username": "kasse", "password": PASSWORD}).status_code == 200


def test_the_change_is_protocolled_as_the_users_own_without_the_password(cashier):
    change_own(logged_in(cashier))
    entry = history_of(cashier).get(field="password", action="changed")
    assert entry.new_value == {"changed": True} and entry.old_value is None
    assert entry.user == cashier
    cashier.refresh_from_db()
    assert NEW not in str(entry.new_value) and cashier.password not in str(entry.new_value)


@pytest.mark.parametrize(
    ("old", "new", "again", "message"),
    [
        ("wrong", NEW, None, "Your old password was entered incorrectly."),
        (PASSWORD, NEW, "Frische-Farbe-2028", "The two password fields didn’t match."),
        (PASSWORD, "Kurz-1", None, "This password is too short. It must contain at least 8 characters."),
        (PASSWORD, "password123", None, "This password is too common."),
        (PASSWORD, "kasse2026", None, "The password is too similar to the username."),
    ],
)
def test_a_wrong_old_password_or_a_weak_new_one_is_refused_with_the_reason(
    cashier_client, cashier, old, new, again, message
):
    response = change_own(cashier_client, old=old, new=new, again=again)
    assert response.status_code == 400
    assert message in response.text
    cashier.refresh_from_db()
    assert cashier.check_password(PASSWORD)


def test_the_rules_and_reasons_are_in_the_users_language(cashier_client, cashier):
    cashier.language = "de"
    cashier.save()
    page = cashier_client.get("/me/password/").text
    assert "Passwort ändern" in page and "mindestens 8 Zeichen" in page
    assert "Dieses Passwort ist zu kurz." in change_own(cashier_client, new="Kurz-1").text
    cashier.language = "nl"
    cashier.save()
    assert "Dit wachtwoord is te kort." in change_own(cashier_client, new="Kurz-1").text


def test_the_profile_page_leads_to_the_password(cashier_client):
    page = cashier_client.get("/me/").text
    assert 'href="/me/password/"' in page and "Change password" in page


def test_an_administrator_sets_a_new_password_for_a_user(admin_client, admin_user, cashier):
    # given the cashier is logged in somewhere
    elsewhere = logged_in(cashier)
    assert f'href="/users/{cashier.pk}/password/"' in admin_client.get(f"/users/{cashier.pk}/").text
    # when the administrator sets a new password for them
    response = admin_client.post(f"/users/{cashier.pk}/password/", {"new_password1": NEW, "new_password2": NEW})
    # then the cashier logs in with it, and is logged out where they were
    assert response.status_code == 302 and response["Location"] == f"/users/{cashier.pk}/"
    assert "kasse has a new password" in admin_client.get(response["Location"]).text
    assert elsewhere.get("/customers/")["Location"].startswith("/login/")
    logged_in(cashier, password=NEW)
    # and the protocol names the administrator, not the password
    entry = history_of(cashier).get(field="password", action="changed")
    assert entry.user == admin_user and entry.new_value == {"changed": True}


def test_a_new_password_from_an_administrator_ends_a_lock_after_failed_logins(admin_client, cashier):
    # given the cashier has locked their login by trying too often
    client = Client()
    for _ in range(5):
        client.post("/login/", {"username": "kasse", "password": "forgotten"})
    assert client.post("/login/", {"username": "kasse", "password": PASSWORD}).status_code == 429
    # when the administrator sets a new password
    admin_client.post(f"/users/{cashier.pk}/password/", {"new_password1": NEW, "new_password2": NEW})
    # then the cashier logs in at once
    assert client.post("/login/", {"username": "kasse", "password": NEW}).status_code == 302


def test_the_administrators_password_is_checked_too(admin_client, cashier):
    response = admin_client.post(f"/users/{cashier.pk}/password/", {"new_password1": "kasse", "new_password2": "kasse"})
    assert response.status_code == 400 and "too short" in response.text
    cashier.refresh_from_db()
    assert cashier.check_password(PASSWORD)


@pytest.mark.parametrize("role", ["cashier", "manager"])
def test_a_cashier_or_manager_cannot_set_another_users_password(request, client, role, admin_user):
    client.force_login(request.getfixturevalue(role))
    response = client.post(f"/users/{admin_user.pk}/password/", {"new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 403
    admin_user.refresh_from_db()
    assert admin_user.check_password(PASSWORD)


def test_a_new_user_gets_a_password_and_later_ones_are_set_on_their_own_page(admin_client, cashier):
    page = admin_client.get("/users/new/").text
    assert 'name="password"' in page and "at least 8 characters" in page
    assert 'name="password"' not in admin_client.get(f"/users/{cashier.pk}/").text
    response = admin_client.post("/users/new/", {"username": "neu", "role": "cashier", "is_active": "on"})
    assert response.status_code == 400 and "This field is required." in response.text


def test_without_a_mail_account_the_login_says_to_ask_an_administrator(db):
    # given no mail account is set up
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    login = client.get("/login/").text
    # then the login offers no link but names who helps
    assert "/password/forgot/" not in login
    assert "An administrator can set a new one for you." in login
    # and the page of a forgotten password, also when posted to, says the same without sending anything
    for response in (client.get("/password/forgot/"), client.post("/password/forgot/", {"email": "kasse"})):
        assert response.status_code == 200
        assert "no mail account is set up" in response.text and 'name="email"' not in response.text


def test_a_user_has_an_e_mail_address_the_administrator_enters(admin_client, cashier):
    data = {"username": "kasse", "role": "cashier", "language": "en", "is_active": "on", "email": "kasse@example.com"}
    assert admin_client.post(f"/users/{cashier.pk}/", {**data, "shop": cashier.shop_id}).status_code == 302
    cashier.refresh_from_db()
    assert cashier.email == "kasse@example.com"
