"""Roles decide what each user may open (X5); logins are throttled."""

import pytest
from django.test import Client

from regulars.core.tests.fixtures import PASSWORD

#: each page and the least role that opens it; {user} is the id of the user who asks
PAGES = {
    "/customers/": "cashier",
    "/customers/new/": "cashier",
    "/customers/groups/": "manager",
    "/customers/groups/new/": "manager",
    "/master-data/": "manager",
    "/staff/": "manager",
    "/staff/new/": "manager",
    "/users/": "admin",
    "/users/new/": "admin",
    "/users/{user}/password/": "admin",
    "/me/password/": "cashier",
    "/shops/": "admin",
    "/sales/till/": "cashier",
    "/sales/till/articles/?code=wella": "cashier",
    "/sales/till/customers/?customer_q=m&line=0": "cashier",
}
RANK = {"cashier": 1, "manager": 2, "admin": 3}


@pytest.mark.parametrize("path", PAGES)
def test_x5_anonymous_visitors_are_sent_to_the_login(client, db, path):
    response = client.get(path.format(user=1))
    assert response.status_code == 302 and response["Location"].startswith("/login/")


@pytest.mark.parametrize("role", ["cashier", "manager", "admin"])
@pytest.mark.parametrize("path", PAGES)
def test_x5_each_role_opens_what_it_may_and_nothing_else(request, client, path, role):
    user = request.getfixturevalue({"admin": "admin_user"}.get(role, role))
    client.force_login(user)
    allowed = RANK[role] >= RANK[PAGES[path]]
    assert client.get(path.format(user=user.pk)).status_code == (200 if allowed else 403)


def test_x5_a_cashier_sees_no_menu_entries_for_settings(cashier_client):
    page = cashier_client.get("/customers/").text
    assert 'href="/users/"' not in page and 'href="/customers/groups/"' not in page


def test_x5_an_admin_creates_a_user_with_a_role(admin_client):
    from regulars.core.models import User

    response = admin_client.post(
        "/users/new/",
        {"username": "neu", "role": "manager", "language": "nl", "is_active": "on", "password": "Lang-genug-2026"},
    )
    assert response.status_code == 302
    user = User.objects.get(username="neu")
    assert user.role == "manager" and user.check_password("Lang-genug-2026")


def test_x5_login_is_locked_after_repeated_failures(cashier):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for _ in range(4):
        assert client.post("/login/", {"username": "kasse", "password": "wrong"}).status_code == 200
    assert client.post("/login/", {"username": "kasse", "password": "wrong"}).status_code == 429
    locked = client.post("/login/", {"username": "kasse", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.text
    other = Client()
    assert other.post("/login/", {"username": "chef", "password": "wrong"}).status_code == 200


def test_x5_a_correct_login_reaches_the_customer_list(cashier):
    client = Client()
    response = client.post("/login/", {"username": "kasse", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/customers/"


@pytest.mark.parametrize(("language", "word"), [("de", "Kunden"), ("nl", "Klanten"), ("en", "Customers")])
def test_x1_pages_speak_the_users_language(client, cashier, language, word):
    cashier.language = language
    cashier.save()
    client.force_login(cashier)
    page = client.get("/customers/")
    assert page["Content-Language"] == language
    assert f"<h1>{word}</h1>" in page.text


def test_x1_without_own_language_the_shops_language_applies(client, cashier, shop_nl):
    cashier.language, cashier.shop = "", shop_nl
    cashier.save()
    client.force_login(cashier)
    assert client.get("/customers/")["Content-Language"] == "nl"


def test_x5_the_last_administrator_keeps_the_role(admin_client, admin_user):
    response = admin_client.post(
        f"/users/{admin_user.pk}/", {"username": "admin", "role": "manager", "language": "en", "is_active": "on"}
    )
    assert response.status_code == 400
    admin_user.refresh_from_db()
    assert admin_user.role == "admin"


def test_x5_an_admin_changing_the_own_password_stays_logged_in(admin_client, admin_user):
    data = {"new_password1": "Neues-Passwort-26", "new_password2": "Neues-Passwort-26"}
    assert admin_client.post(f"/users/{admin_user.pk}/password/", data).status_code == 302
    assert admin_client.get("/users/").status_code == 200


def test_x5_the_api_schema_is_for_logged_in_users(client, db, api):
    assert client.get("/api/schema/").status_code in (401, 403)
    assert api.get("/api/schema/").status_code == 200
