"""The API against its own OpenAPI schema: the schema is valid and no generated request gets a server error (X4).

Schemathesis' own pytest integration (`schemathesis.pytest.from_fixture`) does not work with pytest 9.2, and loading
the schema at collection time would need the database, so the operations are listed here and each one is fuzzed
with a Hypothesis strategy from the schema loaded inside the test; `test_every_operation_is_fuzzed` keeps the list
complete.
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

SCHEMA_URL = "/api/schema/?format=json"
SIGNALS = (request_started, request_finished)
OPERATIONS = [
    ("GET", "/api/v1/articles/"),
    ("GET", "/api/v1/articles/{id}/"),
    ("GET", "/api/v1/services/"),
    ("GET", "/api/v1/services/{id}/"),
    ("GET", "/api/v1/staff/"),
    ("GET", "/api/v1/staff/{id}/"),
    ("GET", "/api/v1/tills/"),
    ("GET", "/api/v1/tills/{id}/"),
    ("GET", "/api/v1/customer-groups/"),
    ("GET", "/api/v1/customer-groups/{id}/"),
    ("GET", "/api/v1/customers/"),
    ("POST", "/api/v1/customers/"),
    ("GET", "/api/v1/customers/{id}/"),
    ("PUT", "/api/v1/customers/{id}/"),
    ("PATCH", "/api/v1/customers/{id}/"),
    ("GET", "/api/v1/customers/{id}/protocol/"),
    ("GET", "/api/v1/customers/{id}/receipts/"),
    ("GET", "/api/v1/receipts/"),
    ("POST", "/api/v1/receipts/"),
    ("GET", "/api/v1/receipts/{id}/"),
    ("POST", "/api/v1/receipts/{id}/cancel/"),
    ("POST", "/api/v1/receipts/{id}/link/"),
    ("GET", "/api/v1/receipts/{id}/invoice.pdf"),
    ("POST", "/api/v1/receipts/{id}/email/"),
    ("POST", "/api/v1/receipts/{id}/print/"),
]


def if_match(customer_id) -> str:
    """The current ETag of a customer, as a client that just read it would send it."""
    from regulars.customers.models import Customer

    return f'"{customer_id}-{Customer.objects.get(pk=customer_id).version}"'


FUZZ_SETTINGS = settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)


@pytest.fixture
def customer_ids(api):
    """A few customers with protocol entries, so that generated ids can point at real ones."""
    bodies = [
        {"first_name": "Anna", "last_name": "Müller", "city": "Köln", "groups": ["webshop"]},
        {"first_name": "Jan", "last_name": "de Vries", "country": "NL", "postcode": "3511 AB", "city": "Utrecht"},
        {"company": "Blumen Schmitz GmbH", "postcode": "50667", "phones": [{"number": "0221 123456"}]},
    ]
    ids = []
    for body in bodies:
        response = api.post("/api/v1/customers/", body, format="json")
        assert response.status_code == 201, response.content
        ids.append(response.json()["id"])
    response = api.patch(
        f"/api/v1/customers/{ids[0]}/", {"city": "Bonn"}, format="json", HTTP_IF_MATCH=if_match(ids[0])
    )
    assert response.status_code == 200, response.content
    return ids


@pytest.fixture
def token(api, api_token):
    return api_token


@pytest.fixture
def application(db):
    """The WSGI application, kept from closing the test's database connection (as Django's test client does).

    The test client connects `close_old_connections` again after each of its requests, so it is
    disconnected before every request here and connected again at the end.
    """
    handler = get_wsgi_application()

    def app(environ, start_response):
        for signal in SIGNALS:
            signal.disconnect(close_old_connections)
        return handler(environ, start_response)

    yield app
    for signal in SIGNALS:
        signal.connect(close_old_connections)


@pytest.fixture
def api_schema(application, token):
    return schemathesis.openapi.from_wsgi(SCHEMA_URL, application, headers={"Authorization": f"Token {token}"})


def test_schema_is_valid_openapi_3(api):
    response = api.get(SCHEMA_URL)
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.")
    validate_schema(document)
    assert "get" in document["paths"]["/api/v1/customers/"]
    assert "get" in document["paths"]["/api/v1/customers/{id}/protocol/"]


def test_every_operation_is_fuzzed(api_schema):
    found = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


@pytest.mark.parametrize("mode", [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE])
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_api_has_no_server_errors(api_schema, token, customer_ids, method, path, mode):
    operation = api_schema[path][method]
    headers = {"Authorization": f"Token {token}"}

    @FUZZ_SETTINGS
    @given(case=operation.as_strategy(generation_mode=mode))
    def fuzz(case):
        # Even integer ids are pointed at the existing customers, so that reading, changing and the protocol are
        # exercised too; other generated ids (odd, negative, huge, not a number) stay as they are.
        path_id = (case.path_parameters or {}).get("id")
        even = isinstance(path_id, int) and not isinstance(path_id, bool) and path_id % 2 == 0
        if even and path.startswith("/api/v1/customers/{id}"):
            case.path_parameters["id"] = customer_ids[path_id // 2 % len(customer_ids)]
            if method in ("PUT", "PATCH"):  # the current ETag, so that the change itself is exercised
                case.headers = {**(case.headers or {}), "If-Match": if_match(case.path_parameters["id"])}
        case.call_and_validate(headers=headers, checks=[not_a_server_error])

    fuzz()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"phones": [{"number": "0221 123456"}]}, {"phones": [{"number": "+49221123456", "kind": "mobile"}]}),
        ({"emails": [{"address": "a@example.com"}]}, {"emails": [{"address": "a@example.com", "kind": "private"}]}),
        ({"consents": [{"kind": "email"}]}, {"consents": [{"kind": "email", "source": "api"}]}),
    ],
)
def test_patch_fills_in_the_defaults_of_rows(api, customer_ids, body, expected):
    """Found by fuzzing: DRF skips defaults inside a PATCH, and the missing `kind` was a server error."""
    response = api.patch(
        f"/api/v1/customers/{customer_ids[0]}/", body, format="json", HTTP_IF_MATCH=if_match(customer_ids[0])
    )
    assert response.status_code == 200, response.content
    for name, rows in expected.items():
        assert [{k: row[k] for k in rows[0]} for row in response.json()[name]] == rows


def test_patch_refuses_incomplete_rows(api, customer_ids):
    response = api.patch(
        f"/api/v1/customers/{customer_ids[0]}/",
        {"phones": [{}], "consents": [{}]},
        format="json",
        HTTP_IF_MATCH=if_match(customer_ids[0]),
    )
    assert response.status_code == 400
    assert set(response.json()) == {"phones", "consents"}


def test_group_with_a_nul_character_is_unknown(api):
    """Found by fuzzing: PostgreSQL refuses NUL characters in a query, which was a server error."""
    response = api.post("/api/v1/customers/", {"last_name": "Nul", "groups": ["web\x00shop"]}, format="json")
    assert response.status_code == 400
    assert "groups" in response.json()
