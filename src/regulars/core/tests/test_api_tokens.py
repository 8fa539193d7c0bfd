"""API tokens: shown once, kept only as a hash, one per user; old plain tokens are hashed by a migration."""

import hashlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from rest_framework.test import APIClient

from regulars.core.models import ApiToken
from regulars.core.services import issue_api_token, revoke_api_token

BEFORE_HASHED_TOKENS = [("core", "0005_staff_shop_required")]
HASHED_TOKENS = [("core", "0007_hash_api_tokens")]


def customers(key: str) -> int:
    """The status of a customer list request with the token KEY."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client.get("/api/v1/customers/").status_code


def stored_values() -> str:
    """Every value of the token table as the database holds it."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ApiToken._meta.db_table}")  # noqa: S608
        return repr(cursor.fetchall())


def test_the_token_works_and_only_its_hash_is_kept(cashier):
    key = issue_api_token(user=cashier)
    assert customers(key) == 200
    assert key not in stored_values() and key[8:] not in stored_values()
    assert ApiToken.objects.get(user=cashier).digest == hashlib.sha256(key.encode()).hexdigest()


def test_a_new_token_ends_the_old_one(cashier):
    old = issue_api_token(user=cashier)
    new = issue_api_token(user=cashier)
    assert new != old
    assert customers(old) == 401 and customers(new) == 200


def test_a_revoked_token_or_an_inactive_user_is_refused(cashier, manager):
    key = issue_api_token(user=cashier)
    assert revoke_api_token(user=cashier) is True
    assert customers(key) == 401
    assert revoke_api_token(user=cashier) is False
    key = issue_api_token(user=manager)
    manager.is_active = False
    manager.save()
    assert customers(key) == 401


def test_the_token_never_reaches_the_log(cashier, server_log):
    key = issue_api_token(user=cashier)
    revoke_api_token(user=cashier)
    assert customers(key) == 401
    key = issue_api_token(user=cashier)
    assert customers(key) == 200 and customers(key + "x") == 401
    assert "Unauthorized: /api/v1/customers/" in server_log.getvalue()
    assert key not in server_log.getvalue() and key[:8] not in server_log.getvalue()


def test_a_wrong_token_with_a_known_beginning_is_refused(cashier):
    key = issue_api_token(user=cashier)
    assert customers(key[:8] + "0" * (len(key) - 8)) == 401
    assert customers(key[:-1]) == 401


def latest() -> None:
    """Every app at its newest migration, as the code and the tests after this one expect."""
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_plain_tokens_of_an_older_installation_are_hashed_and_keep_working(cashier):
    # given an installation from before: its tokens in plain text in DRF's table
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_HASHED_TOKENS)
    plain = "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"
    with connection.cursor() as cursor:
        cursor.execute(
            'CREATE TABLE "authtoken_token" ("key" varchar(40) PRIMARY KEY, "created" timestamp NOT NULL, '
            '"user_id" bigint NOT NULL UNIQUE)'
        )
        cursor.execute('INSERT INTO "authtoken_token" VALUES (%s, CURRENT_TIMESTAMP, %s)', [plain, cashier.pk])
    # when it is migrated
    MigrationExecutor(connection).migrate(HASHED_TOKENS)
    latest()
    # then the token still works, and the plain text is gone
    assert customers(plain) == 200
    with connection.cursor() as cursor:
        cursor.execute('SELECT COUNT(*) FROM "authtoken_token"')
        assert cursor.fetchone() == (0,)
        cursor.execute('DROP TABLE "authtoken_token"')
    assert plain not in stored_values()
    # and the way back works too (the tokens are then lost and must be issued again)
    MigrationExecutor(connection).migrate(BEFORE_HASHED_TOKENS)
    MigrationExecutor(connection).migrate(HASHED_TOKENS)
    latest()
