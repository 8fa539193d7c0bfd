"""Five failed logins lock a user name for the client's address only, also behind a reverse proxy (X5).

Served for real (`regulars serve`); the requests come from 127.0.0.1 as from a proxy, which names the client in
X-Forwarded-For as nginx' `proxy_add_x_forwarded_for` does.
"""

import json

import pytest
import requests

from regulars.core.tests.commands import command_env, ok, serving, shell

PASSWORD = "Till-Pass-2026!"
CLIENT_A = "203.0.113.10"
CLIENT_B = "198.51.100.20"


@pytest.fixture(scope="module")
def installation(tmp_path_factory):
    """A migrated installation with its static files and the cashiers dora and emil."""
    env = command_env(tmp_path_factory.mktemp("regulars-throttling"))
    ok("migrate", "--no-input", env=env)
    ok("collectstatic", "--no-input", env=env)
    for username in ("dora", "emil"):
        ok("createuser", username, "--role", "cashier", "--password", PASSWORD, env=env)
    return env


def log_in(base: str, username: str, password: str, forwarded_for: str) -> requests.Response:
    """Post the login form as a browser behind the proxy does; 302 when logged in, 429 when locked."""
    headers = {"X-Forwarded-For": forwarded_for}
    with requests.Session() as session:
        session.get(f"{base}/login/", headers=headers, timeout=30)
        data = {"username": username, "password": password, "csrfmiddlewaretoken": session.cookies["csrftoken"]}
        return session.post(f"{base}/login/", data=data, headers=headers, allow_redirects=False, timeout=30)


def locked_addresses(env: dict[str, str], username: str) -> list[str]:
    script = (
        "import json; from axes.models import AccessAttempt; "
        f"print(json.dumps(list(AccessAttempt.objects.filter(username={username!r}).values_list('ip_address', "
        "flat=True))))"
    )
    return json.loads(shell(script, env=env))


def test_behind_a_proxy_only_the_client_who_failed_is_locked(installation, tmp_path):
    env = {**installation, "REGULARS_PROXY_COUNT": "1"}
    with serving(env, tmp_path / "serve.log", "--no-collectstatic") as base:
        failures = [log_in(base, "dora", "wrong-password", CLIENT_A).status_code for _ in range(5)]
        assert failures == [200, 200, 200, 200, 429]
        assert log_in(base, "dora", PASSWORD, CLIENT_A).status_code == 429
        # a client that puts another address in front itself is still known by the one the proxy saw
        assert log_in(base, "dora", PASSWORD, f"{CLIENT_B}, {CLIENT_A}").status_code == 429
        assert log_in(base, "dora", PASSWORD, CLIENT_B).status_code == 302
    assert locked_addresses(env, "dora") == [CLIENT_A]


def test_without_a_proxy_x_forwarded_for_is_ignored(installation, tmp_path):
    with serving(installation, tmp_path / "serve.log", "--no-collectstatic") as base:
        failures = [log_in(base, "emil", "wrong-password", CLIENT_A).status_code for _ in range(5)]
        assert failures == [200, 200, 200, 200, 429]
        assert log_in(base, "emil", PASSWORD, CLIENT_B).status_code == 429
    assert locked_addresses(installation, "emil") == ["127.0.0.1"]
