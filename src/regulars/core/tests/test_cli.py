"""The `regulars` command line, run as an operator would: each command a process of its own.

The commands run against SQLite in a temporary data folder, also when DATABASE_URL names PostgreSQL; the demo
data is also loaded into a fresh PostgreSQL database on the test run's server.
"""

import os
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests

from regulars.core.tests.commands import command_env, ok, regulars, serving, shell

PASSWORD = "Till-Pass-2026!"


def customer_count(env: dict[str, str]) -> int:
    return int(shell("from regulars.customers.models import Customer; print(Customer.objects.count())", env=env))


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """A migrated SQLite installation in a temporary data folder."""
    env = command_env(tmp_path_factory.mktemp("regulars-cli"))
    ok("migrate", "--no-input", env=env)
    return env


def test_migrate_again_has_nothing_to_do(env):
    assert "No migrations to apply" in ok("migrate", "--no-input", env=env)


def test_createuser_creates_a_login_with_a_role(env):
    assert "Created manager anke." in ok("createuser", "anke", "--role", "manager", "--password", PASSWORD, env=env)
    script = "from regulars.core.models import User; u = User.objects.get(username='anke'); print(u.role)"
    assert shell(script, env=env) == "manager"


def test_createuser_refuses_an_existing_name(env):
    ok("createuser", "bert", "--role", "cashier", "--password", PASSWORD, env=env)
    result = regulars("createuser", "bert", "--role", "manager", "--password", "Another-Pass-2026!", env=env)
    assert result.returncode != 0
    assert "'bert' exists already" in result.stderr


def test_createuser_refuses_a_weak_password(env):
    result = regulars("createuser", "carla", "--role", "manager", "--password", "secret", env=env)
    assert result.returncode != 0
    assert "too short" in result.stderr
    assert "too common" in result.stderr
    assert "Traceback" not in result.stderr
    refused = regulars("token", "carla", env=env)
    assert refused.returncode != 0
    assert "No active user named 'carla'" in refused.stderr


def test_token_of_an_unknown_user_is_refused(env):
    result = regulars("token", "nobody", env=env)
    assert result.returncode != 0
    assert "No active user named 'nobody'" in result.stderr


@pytest.fixture
def served(env, tmp_path):
    """`regulars serve` of the module's installation on a free port."""
    with serving(env, tmp_path / "serve.log") as base:
        yield base


def test_token_authenticates_against_the_served_api(env, served):
    ok("createuser", "dora", "--role", "cashier", "--password", PASSWORD, env=env)
    first = ok("token", "dora", env=env).split()[-1]
    renewed = ok("token", "dora", env=env)
    assert "The previous API token of dora no longer works." in renewed
    token = renewed.split()[-1]
    assert token != first

    def customers(key: str) -> requests.Response:
        return requests.get(f"{served}/api/v1/customers/", headers={"Authorization": f"Token {key}"}, timeout=30)

    assert requests.get(f"{served}/api/v1/customers/", timeout=30).status_code in (401, 403)
    assert customers("wrong").status_code == 401
    assert customers(first).status_code == 401, "the previous token no longer works"
    response = customers(token)
    assert response.status_code == 200, response.text
    assert {"count", "results"} <= response.json().keys()

    assert "The API token of dora no longer works." in ok("token", "dora", "--revoke", env=env)
    assert customers(token).status_code == 401
    assert "dora has no API token." in regulars("token", "dora", "--revoke", env=env).stderr


def assert_demo_is_idempotent(env: dict[str, str]) -> None:
    first = ok("demo", "--customers", "50", env=env)
    assert "50 customers and" in first and "receipts added" in first
    assert customer_count(env) == 50
    second = ok("demo", "--customers", "50", env=env)
    assert "0 customers and 0 receipts added" in second
    assert customer_count(env) == 50


def test_demo_is_idempotent(tmp_path):
    env = command_env(tmp_path)
    ok("migrate", "--no-input", env=env)
    assert_demo_is_idempotent(env)


@pytest.fixture
def postgres_url():
    """A fresh PostgreSQL database on the server of the test run (scripts/test starts it), dropped afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = os.environ.get("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/regulars")
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = f"regulars_cli_{os.getpid()}"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def test_demo_is_idempotent_on_postgresql(tmp_path, postgres_url):
    env = command_env(tmp_path, database_url=postgres_url)
    ok("migrate", "--no-input", env=env)
    assert_demo_is_idempotent(env)
