"""Fixtures shared by all apps' tests: shops, users of each role, logged-in clients and API clients."""

import io
import logging

import pytest
from rest_framework.test import APIClient

from regulars.core.models import Shop
from regulars.core.roles import Role
from regulars.core.services import create_user, issue_api_token

PASSWORD = "Till-Pass-2026!"


@pytest.fixture(autouse=True)
def receipt_anchors(settings, tmp_path):
    """Each test anchors its tills' receipts outside the database in a folder of its own (sales.anchors)."""
    settings.RECEIPT_ANCHOR_DIR = tmp_path / "anchors"
    return settings.RECEIPT_ANCHOR_DIR


@pytest.fixture
def shop_de(db):
    """A German salon with what its invoices need (§14 (4) UStG): address and USt-IdNr."""
    return Shop.objects.create(
        name="Salon Sonnenschein",
        street="Domstraße 5",
        postcode="50668",
        city="Köln",
        country="DE",
        language="de",
        vat_id="DE136695976",
    )


@pytest.fixture
def shop_nl(db):
    """A Dutch salon with what its invoices need (art. 35a Wet OB): address, btw-id and KvK number."""
    return Shop.objects.create(
        name="Kapsalon De Linde",
        street="Oudegracht 101",
        postcode="3511 AD",
        city="Utrecht",
        country="NL",
        language="nl",
        vat_id="NL004495445B01",
        kvk_number="30123456",
    )


def _user(username, role, shop, language=""):
    return create_user(username=username, role=role, password=PASSWORD, shop=shop, language=language)


@pytest.fixture
def cashier(shop_de):
    return _user("kasse", Role.CASHIER, shop_de, language="en")


@pytest.fixture
def manager(shop_de):
    return _user("chef", Role.MANAGER, shop_de, language="en")


@pytest.fixture
def admin_user(shop_de):
    return _user("admin", Role.ADMIN, shop_de, language="en")


def _api(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def api_token(cashier):
    """The key of the cashier's API token."""
    return issue_api_token(user=cashier)


@pytest.fixture
def api(api_token):
    """An API client with the cashier's token."""
    return _api(api_token)


@pytest.fixture
def manager_api(manager):
    return _api(issue_api_token(user=manager))


@pytest.fixture
def cashier_client(client, cashier):
    client.force_login(cashier)
    return client


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def server_log():
    """The output of the console handler that LOGGING sets up, as the server writes it."""
    [handler] = [h for h in logging.getLogger().handlers if h.get_name() == "console"]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)
