"""The customer API as tills and webshops use it (X4): create, read, change with If-Match, protocol."""

import pytest
from rest_framework.test import APIClient

from regulars.customers.models import Customer
from regulars.customers.tests.fixtures import NEW, create


def test_x4_anonymous_callers_are_refused(db):
    assert APIClient().get("/api/v1/customers/").status_code in (401, 403)
    assert APIClient().post("/api/v1/customers/", NEW, format="json").status_code in (401, 403)


def test_x4_create_answers_id_and_number_and_stores_everything(api):
    response = create(api)
    assert response.status_code == 201, response.data
    body = response.json()
    assert body["id"] and body["number"]
    customer = Customer.objects.get(pk=body["id"])
    assert customer.last_name == "Müller" and str(customer.country) == "DE"
    assert [p.number for p in customer.phones.all()] == ["+492211234567", "+31612345678"]
    assert [g.key for g in customer.groups.all()] == ["webshop"]
    assert body["emails"] == [{"address": "juergen@example.de", "kind": "work"}]


def test_x4_search_through_the_api(api):
    create(api)
    create(api, first_name="Eva", last_name="Schmidt", company="", phones=[])
    response = api.get("/api/v1/customers/", {"q": "MUELLER"})
    assert response.status_code == 200
    assert [c["last_name"] for c in response.json()["results"]] == ["Müller"]
    assert response.json()["count"] == 1 and response.json()["count_is_exact"] is True


def test_x4_filters_combine_with_search(api):
    create(api)
    create(api, first_name="Anna", groups=["standard"])
    names = [
        c["first_name"] for c in api.get("/api/v1/customers/", {"q": "müller", "group": "standard"}).json()["results"]
    ]
    assert names == ["Anna"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("emails", [{"address": "not-an-address"}]),
        ("phones", [{"number": "12"}]),
        ("vat_id", "DE123"),
        ("postcode", "5067"),
        ("birthday", "2999-01-01"),
        ("last_name", "x" * 101),
        ("groups", ["no-such-group"]),
        ("country", "XX"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_saved(api, field, value):
    response = create(api, **{field: value})
    assert response.status_code == 400
    assert field in response.json()
    assert Customer.objects.count() == 0


def test_bad_input_messages_speak_the_users_language(api, cashier):
    cashier.language = "de"
    cashier.save()
    response = create(api, postcode="5067")
    assert "Postleitzahl" in response.json()["postcode"][0]


def test_dutch_postcodes_and_vat_ids_are_normalised(api):
    response = create(api, country="NL", postcode="3511ab", vat_id="nl004495445b01", phones=[{"number": "06 12345678"}])
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["postcode"], body["vat_id"], body["phones"][0]["number"]) == (
        "3511 AB",
        "NL004495445B01",
        "+31612345678",
    )


def test_get_gives_an_etag_and_patch_with_it_succeeds(api):
    customer_id = create(api).json()["id"]
    response = api.get(f"/api/v1/customers/{customer_id}/")
    etag = response["ETag"]
    changed = api.patch(f"/api/v1/customers/{customer_id}/", {"city": "Bonn"}, format="json", HTTP_IF_MATCH=etag)
    assert changed.status_code == 200
    assert changed.json()["city"] == "Bonn"
    assert changed["ETag"] != etag


def test_a_stale_if_match_is_refused_with_412_and_the_changes(api, manager_api):
    customer_id = create(api).json()["id"]
    etag = api.get(f"/api/v1/customers/{customer_id}/")["ETag"]
    manager_api.patch(f"/api/v1/customers/{customer_id}/", {"city": "Bonn"}, format="json", HTTP_IF_MATCH=etag)
    refused = api.patch(f"/api/v1/customers/{customer_id}/", {"city": "Aachen"}, format="json", HTTP_IF_MATCH=etag)
    assert refused.status_code == 412
    assert [(c["field"], c["new_value"], c["user"]) for c in refused.json()["changes"]] == [("city", "Bonn", "chef")]
    assert Customer.objects.get(pk=customer_id).city == "Bonn"


def test_put_replaces_with_if_match(api):
    customer_id = create(api).json()["id"]
    etag = api.get(f"/api/v1/customers/{customer_id}/")["ETag"]
    response = api.put(f"/api/v1/customers/{customer_id}/", {**NEW, "city": "Essen"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200 and response.json()["city"] == "Essen"


def test_p1_protocol_newest_first(api):
    customer_id = create(api).json()["id"]
    etag = api.get(f"/api/v1/customers/{customer_id}/")["ETag"]
    api.patch(f"/api/v1/customers/{customer_id}/", {"postcode": "51465"}, format="json", HTTP_IF_MATCH=etag)
    entries = api.get(f"/api/v1/customers/{customer_id}/protocol/").json()["results"]
    assert entries[0]["field"] == "postcode"
    assert (entries[0]["old_value"], entries[0]["new_value"], entries[0]["user"]) == ("50672", "51465", "kasse")
    assert entries[0]["supersedes"] is not None
    assert {e["action"] for e in entries[1:]} == {"created"}


def test_g4_customers_cannot_be_deleted_through_the_api(api):
    customer_id = create(api).json()["id"]
    assert api.delete(f"/api/v1/customers/{customer_id}/").status_code == 405
    assert Customer.objects.filter(pk=customer_id).exists()


def test_protocol_cannot_be_written_through_the_api(api):
    customer_id = create(api).json()["id"]
    assert api.post(f"/api/v1/customers/{customer_id}/protocol/", {}, format="json").status_code == 405


def test_l10_default_groups_are_listed(api):
    keys = [g["key"] for g in api.get("/api/v1/customer-groups/").json()["results"]]
    assert {"standard", "webshop"} <= set(keys)


def test_a_change_without_if_match_is_refused_with_428(api):
    customer_id = create(api).json()["id"]
    refused = api.patch(f"/api/v1/customers/{customer_id}/", {"city": "Bonn"}, format="json")
    assert refused.status_code == 428
    assert "If-Match" in refused.json()["detail"]
    assert Customer.objects.get(pk=customer_id).city == "Köln"


@pytest.mark.parametrize("header", ['"1-²"', "garbage", '"999999-1"', '"1-99999999999999999999"'])
def test_a_foreign_if_match_is_refused_not_crashed(api, header):
    customer_id = create(api).json()["id"]
    response = api.patch(f"/api/v1/customers/{customer_id}/", {"city": "Bonn"}, format="json", HTTP_IF_MATCH=header)
    assert response.status_code == 412
