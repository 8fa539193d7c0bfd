"""The API's answers keep their contract whatever is sent: JSON bodies only, errors as JSON (404 and 500 too), bounded
bodies, the language of the answer named correctly, and a schema the same for every user.

Seen: every body offered as JSON, form and multipart; responses to a Dutch user said `Content-Language: de`; the
schema's texts changed with the user's language; JSON nested 1,000 deep gave a 500;
10,000 phones were taken for one customer.
"""

import json

import pytest
from django.test import Client
from django.urls import path
from rest_framework.decorators import api_view
from rest_framework.test import APIClient

from regulars.core.models import User
from regulars.core.services import issue_api_token
from regulars.customers.models import Customer
from regulars.customers.tests.fixtures import create
from regulars.urls import urlpatterns as regulars_urls


@api_view(["GET"])
def fail_in_the_api(request):
    raise RuntimeError("a bug")


def fail(request):
    raise RuntimeError("a bug")


#: Regulars' URLs and views with a bug, to see how a server error is answered
urlpatterns = [path("api/v1/broken/", fail_in_the_api), path("api/v1/broken-page/", fail), *regulars_urls]
handler500 = "regulars.core.api.errors.server_error"


def _dutch_api(shop_nl) -> APIClient:
    user = User.objects.create_user("kassa", password="x-Geheim-123", language="nl")
    user.shops.add(shop_nl)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_api_token(user=user)}")
    return client


def test_bodies_are_json_only_in_the_schema_and_on_the_wire(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    media_types = {
        media
        for operations in schema["paths"].values()
        for operation in operations.values()
        for media in operation.get("requestBody", {}).get("content", {})
    }
    assert media_types == {"application/json"}
    form = api.post("/api/v1/customers/", {"first_name": "Käthe", "last_name": "Müller"})  # multipart
    assert form.status_code == 415 and form.headers["Content-Type"] == "application/json"
    assert not Customer.objects.exists()


def test_every_operation_declares_its_errors_with_a_body(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    for route, operations in schema["paths"].items():
        for method, operation in operations.items():
            statuses = set(operation["responses"])
            assert {"401", "403", "500"} <= statuses, (method, route)
            if "{id}" in route:
                assert "404" in statuses, (method, route)
            if "requestBody" in operation:
                assert {"400", "413"} <= statuses, (method, route)
    patch = schema["paths"]["/api/v1/customers/{id}/"]["patch"]["responses"]
    assert {"412", "428"} <= set(patch) and "ETag" in patch["200"]["headers"]
    assert "422" in schema["paths"]["/api/v1/receipts/"]["post"]["responses"]


def test_the_schema_is_the_same_english_for_a_dutch_user(api, shop_nl):
    english = api.get("/api/schema/", {"format": "json"})
    dutch = _dutch_api(shop_nl).get("/api/schema/", {"format": "json"})
    assert dutch.content == english.content
    assert dutch.headers["Content-Language"] == "en"


def test_answers_to_a_dutch_user_are_dutch_and_say_so(shop_nl):
    response = _dutch_api(shop_nl).post("/api/v1/customers/", {"last_name": ""}, format="json")
    assert response.status_code == 400
    assert response.headers["Content-Language"] == "nl"
    assert response.json()["last_name"] == ["Vul een naam of een bedrijf in."]


def test_a_page_not_found_under_the_api_is_json(api):
    for url in ("/api/v1/customers/999999/", "/api/v1/no-such-thing/"):
        response = api.get(url)
        assert response.status_code == 404
        assert response.headers["Content-Type"] == "application/json" and response.json()["detail"]


@pytest.mark.urls(__name__)
def test_a_server_error_under_the_api_is_json_and_the_pages_stay_html(api_token, cashier):
    api = Client(raise_request_exception=False, headers={"Authorization": f"Token {api_token}"})
    response = api.get("/api/v1/broken/")
    assert response.status_code == 500
    assert response.headers["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Something went wrong on the server. Please try again."}
    # also where the error happens outside the API's views
    response = api.get("/api/v1/broken-page/")
    assert response.status_code == 500 and response.headers["Content-Type"] == "application/json"
    page = Client(raise_request_exception=False).get("/no-such-page/")
    assert page.status_code == 404 and page.headers["Content-Type"].startswith("text/html")


def test_json_nested_too_deeply_is_refused_not_a_server_error(api):
    deep = "[" * 100_000 + "]" * 100_000
    response = api.generic("POST", "/api/v1/customers/", deep, content_type="application/json")
    assert response.status_code == 400 and response.json()["detail"] == "The JSON is nested too deeply."
    assert not Customer.objects.exists()


def test_a_body_too_large_is_refused_with_413(api, settings):
    body = json.dumps({"first_name": "Käthe", "last_name": "Müller", "note": "x" * settings.API_MAX_BODY})
    response = api.generic("POST", "/api/v1/customers/", body, content_type="application/json")
    assert response.status_code == 413 and "262,144 bytes" in response.json()["detail"]
    assert not Customer.objects.exists()


@pytest.mark.parametrize("part", ["phones", "emails"])
def test_more_than_ten_phones_or_addresses_are_refused(api, part):
    value = {"phones": {"number": "0221 1234567"}, "emails": {"address": "kaethe@example.de"}}[part]
    response = api.post(
        "/api/v1/customers/", {"last_name": "Müller", part: [value] * 11}, format="json"
    )  # fmt: skip
    assert response.status_code == 400 and part in response.json()
    assert not Customer.objects.exists()


def test_a_weak_etag_is_refused(api):
    created = create(api)
    customer_id, etag = created.json()["id"], created.headers["ETag"]
    weak = api.patch(f"/api/v1/customers/{customer_id}/", {"city": "Bonn"}, format="json", HTTP_IF_MATCH=f"W/{etag}")
    assert weak.status_code == 412
    assert Customer.objects.get(pk=customer_id).city != "Bonn"
