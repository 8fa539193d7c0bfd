"""What reaches the server's log: a refused request is one line, not a traceback (the console handler of LOGGING)."""

from django.test import Client


def test_a_forbidden_page_is_logged_in_one_line(cashier_client, server_log):
    response = cashier_client.get("/communication/mail-accounts/new/")
    assert response.status_code == 403
    assert server_log.getvalue().splitlines() == ["Forbidden (Permission denied): /communication/mail-accounts/new/"]


def test_a_refused_csrf_token_is_logged_in_one_line(cashier, server_log):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cashier)
    response = client.post("/customers/new/", {"last_name": "Müller"})
    assert response.status_code == 403
    assert server_log.getvalue().splitlines() == ["Forbidden (CSRF cookie not set.): /customers/new/"]


def test_a_foreign_host_name_is_logged_in_one_line(client, server_log):
    response = client.get("/login/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    [line] = server_log.getvalue().splitlines()
    assert line.startswith("Invalid HTTP_HOST header: 'evil.example'")
