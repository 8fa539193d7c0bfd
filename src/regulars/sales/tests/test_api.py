"""The till's receipt API: booking with Idempotency-Key, cancelling, the customer's receipts (S2, S3, R1, R2)."""

import pytest

from regulars.sales.models import Receipt


@pytest.fixture
def body(till, jana, regular, shampoo, haircut):
    return {
        "till": till.pk,
        "customer": regular.pk,
        "lines": [{"service": haircut.pk, "staff": jana.pk}, {"article": shampoo.pk, "quantity": 2}],
        "payments": [{"method": "cash", "amount": "70.00"}],
    }


def book(api, body, key="k-1"):
    return api.post("/api/v1/receipts/", body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def test_s2_booking_answers_number_total_change_and_status(api, body):
    response = book(api, body)
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (data["number"], data["total"], data["change"], data["status"]) == (1, "63.50", "6.50", "booked")
    assert [line["total"] for line in data["lines"]] == ["40.50", "23.00"]


def test_staff_defaults_to_the_token_users_staff_member_and_till_to_the_shops_only_till(api, body, jana):
    del body["till"]
    data = book(api, body).json()
    assert data["staff"] == jana.pk and data["number"] == 1


def test_a_retry_with_the_same_key_books_nothing_twice(api, body):
    first, again = book(api, body), book(api, body)
    assert again.status_code == 201 and again.json()["id"] == first.json()["id"]
    assert Receipt.objects.count() == 1


def test_the_same_key_with_another_body_is_refused(api, body):
    book(api, body)
    body["payments"] = [{"method": "card", "amount": "63.50"}]
    assert book(api, body).status_code == 422
    assert Receipt.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"lines": [{"article": 999999}]}, "lines"),
        ({"lines": [{"service": 1, "quantity": 0}]}, "lines"),
        ({"lines": [{"service": 1, "quantity": -2}]}, "lines"),
        ({"payments": [{"method": "cash", "amount": "10.00"}]}, "payments"),
        ({"payments": [{"method": "cheque", "amount": "70.00"}]}, "payments"),
        ({"payments": [{"method": "cash", "amount": "12,5x"}]}, "payments"),
        ({"lines": []}, "lines"),
    ],
)
def test_bad_receipts_are_refused_naming_the_part_and_nothing_is_booked(api, body, haircut, change, field):
    for line in change.get("lines", []):
        line["service"] = haircut.pk if "service" in line else None
    response = book(api, {**body, **change})
    assert response.status_code == 400
    assert field in response.json()
    assert not Receipt.objects.exists()


def test_unknown_ids_are_named_per_line_and_nothing_is_booked(api, body):
    body["lines"].append({"article": 999999, "staff": 888888})
    body["customer"] = 777777
    response = book(api, body)
    assert response.status_code == 400
    errors = response.json()
    assert errors["customer"] == ['Invalid pk "777777" - object does not exist.']
    assert list(errors["lines"]) == ["2"]  # the first two lines are fine
    assert set(errors["lines"]["2"]) == {"article", "staff"} and "999999" in errors["lines"]["2"]["article"][0]
    assert not Receipt.objects.exists()


@pytest.mark.parametrize("field", ["service", "staff", "customer"])
def test_an_id_too_large_for_any_database_is_refused_not_a_server_error(api, body, field):
    body["lines"][0][field] = 2**70
    response = book(api, body)
    assert response.status_code == 400 and field in response.json()["lines"]["0"]
    assert not Receipt.objects.exists()


def test_the_booking_answer_is_the_receipt_as_read_back(api, body):
    booked = book(api, body).json()
    assert api.get(f"/api/v1/receipts/{booked['id']}/").json() == booked


def test_an_inactive_customer_is_refused(api, body, regular):
    regular.active = False
    regular.save()
    response = book(api, body)
    assert response.status_code == 400 and "customer" in response.json()


def test_s3_cancel_and_the_original_stays(api, body):
    receipt_id = book(api, body).json()["id"]
    cancellation = api.post(f"/api/v1/receipts/{receipt_id}/cancel/", {}, format="json")
    assert cancellation.status_code == 201
    assert (cancellation.json()["status"], cancellation.json()["cancels"]) == ("cancellation", receipt_id)
    assert api.get(f"/api/v1/receipts/{receipt_id}/").json()["status"] == "cancelled"
    assert api.post(f"/api/v1/receipts/{receipt_id}/cancel/", {}, format="json").status_code == 400


@pytest.mark.parametrize("method", ["patch", "put", "delete"])
def test_receipts_cannot_be_changed_through_the_api(api, body, method):
    receipt_id = book(api, body).json()["id"]
    assert getattr(api, method)(f"/api/v1/receipts/{receipt_id}/", {"total": "1.00"}, format="json").status_code == 405


def test_r1_r2_the_customers_receipts_newest_first_with_lines_booked_to_them(
    api, body, till, jana, make_customer, haircut
):
    daughter = make_customer(first_name="Lea", last_name="Müller")
    first = book(api, body, key="a").json()
    api.post(f"/api/v1/receipts/{first['id']}/cancel/", {}, format="json")
    other = {"till": till.pk, "lines": [{"service": haircut.pk, "customer": body["customer"]}],
             "payments": [{"method": "card", "amount": "40.50"}], "customer": daughter.pk}  # fmt: skip
    book(api, other, key="b")
    listed = api.get(f"/api/v1/customers/{body['customer']}/receipts/").json()["results"]
    assert [(r["number"], r["status"]) for r in listed] == [(3, "booked"), (2, "cancellation"), (1, "cancelled")]
    assert listed[0]["lines"][0]["customer"] == body["customer"]
