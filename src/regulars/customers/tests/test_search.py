"""Search finds customers by any spelling, number, phone format and e-mail (L2, C5)."""

import pytest

from regulars.customers.models import Customer
from regulars.customers.search import search


def found(text):
    return [c.last_name or c.company for c in search(Customer.objects.all(), text)]


@pytest.fixture
def family(make_customer):
    return [
        make_customer(first_name="Anna", last_name="Müller", phones=[("+491711234567", "mobile")]),
        make_customer(first_name="Bernd", last_name="Mueller", emails=[("b.mueller@web.de", "private")]),
        make_customer(first_name="Carla", last_name="Muller"),
        make_customer(first_name="Dirk", last_name="Schmidt"),
    ]


@pytest.mark.parametrize("typed", ["Müller", "Mueller", "Muller", "MÜLLER", "mueller", "mül", "mue"])
def test_l2_every_spelling_finds_all_three(family, typed):
    assert sorted(found(typed)) == ["Mueller", "Muller", "Müller"]


def test_l2_first_and_last_name_in_any_order(family):
    assert found("anna mül") == ["Müller"]
    assert found("mueller anna") == ["Müller"]
    assert found("müller carla") == ["Muller"]


@pytest.mark.parametrize("typed", ["0171 1234567", "+49 171 1234567", "0049171-1234567", "(0171) 123", "1711234"])
def test_l2_phone_in_any_format(family, typed):
    assert found(typed) == ["Müller"]


def test_l2_customer_number_and_email(family):
    assert found(family[3].number) == ["Schmidt"]
    assert found("b.mueller@") == ["Mueller"]


def test_l2_a_customer_matching_twice_is_listed_once(make_customer):
    make_customer(first_name="Anna", last_name="Annabel")
    assert found("ann") == ["Annabel"]


def test_l2_nothing_typed_lists_everyone(family):
    assert len(found("  ")) == 4


def test_l2_letters_without_accent_marks_are_folded(make_customer):
    make_customer(first_name="Søren", last_name="Łukasiewicz")
    assert found("lukasiewicz") == ["Łukasiewicz"]
    assert found("soren") == ["Łukasiewicz"]


@pytest.mark.parametrize("typed", ["D", "Di", "Dij", "Dijk", "Dyk", "dykstra", "DIJKSTRA", "Dijkstra Femke", "fem dij"])
def test_l2_dutch_ij_is_found_while_it_is_typed_and_as_y(make_customer, typed):
    make_customer(first_name="Femke", last_name="Dijkstra")
    make_customer(first_name="Diederik", last_name="Dam")
    make_customer(first_name="Daan", last_name="Dekker")
    expected = {"D": ["Dam", "Dekker", "Dijkstra"], "Di": ["Dam", "Dijkstra"]}.get(typed, ["Dijkstra"])
    assert sorted(found(typed)) == expected


def test_l2_own_customer_numbers_with_letters_are_found(make_customer):
    make_customer(last_name="Vogel", number="K-100")
    assert found("K-100") == ["Vogel"]
    assert found("k100") == []  # the hyphen separates, as in names


def test_l2_only_punctuation_finds_no_one(family):
    assert found("%") == [] and found("---") == []


def test_l2_a_trunk_zero_in_brackets_is_ignored(family):
    assert found("+49 (0) 171 123") == ["Müller"]


def test_l2_existing_customers_get_the_spelled_ij_keys_by_migration(make_customer):
    import importlib

    from django.apps import apps

    from regulars.customers.models import SearchKey

    # given a customer indexed before the spelled keys existed
    customer = make_customer(first_name="Femke", last_name="van Dijk")
    SearchKey.objects.filter(customer=customer, key__contains="ij").delete()
    assert found("Di") == []
    # when
    importlib.import_module("regulars.customers.migrations.0004_spelled_ij_search_keys").add_spelled_keys(apps, None)
    # then
    assert found("Di") == ["van Dijk"] and found("van dyk") == ["van Dijk"]


# Seen: "müller köln" and part of an e-mail address found nothing.


@pytest.fixture
def neighbours(make_customer):
    return [
        make_customer(
            first_name="Käthe", last_name="Müller", city="Köln", postcode="50667",
            emails=[("Kaethe.Mueller@example.de", "private")],
        ),
        make_customer(
            first_name="Hans", last_name="Müller", city="Bonn", postcode="53111", emails=[("hans@web.de", "work")]
        ),
        make_customer(first_name="Li", last_name="Wang", city="Düsseldorf", postcode="40210"),
        make_customer(first_name="Jonas", last_name="Weber", city="Köln", postcode="50668"),
        make_customer(first_name="Femke", last_name="de Vries", city="Utrecht", postcode="3511 AB", country="NL"),
    ]  # fmt: skip


def first_names(text):
    return [c.first_name for c in search(Customer.objects.all(), text)]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("müller köln", ["Käthe"]), ("Mueller Koeln", ["Käthe"]), ("köln müller", ["Käthe"]),
        ("käthe köln", ["Käthe"]), ("müller bonn", ["Hans"]), ("müller 50667", ["Käthe"]), ("müller 506", ["Käthe"]),
        ("li düsseldorf", ["Li"]), ("wang 40210", ["Li"]), ("düsseldorf li", ["Li"]), ("de vries 3511", ["Femke"]),
        ("vries utrecht", ["Femke"]), ("weber köln", ["Jonas"]),
    ],
)  # fmt: skip
def test_l2_further_words_may_match_the_city_or_the_postcode(neighbours, typed, expected):
    assert first_names(typed) == expected


@pytest.mark.parametrize("typed", ["müller aachen", "müller 4021", "li köln", "köln", "50667 köln"])
def test_l2_every_word_must_match_and_a_place_alone_finds_no_one(neighbours, typed):
    assert first_names(typed) == []


@pytest.mark.parametrize(
    "typed", ["mueller@", "Müller@example", "example.de", "@example.de", "kaethe.m", "KAETHE.MUELLER@EXAMPLE.DE"]
)
def test_l2_part_of_an_e_mail_address_finds_it(neighbours, typed):
    assert first_names(typed) == ["Käthe"]


def test_l2_a_name_does_not_find_every_address_at_a_mail_domain(neighbours):
    assert first_names("web") == ["Jonas"]  # Weber, not everyone at web.de
    assert first_names("web.de") == ["Hans"]


def test_l2_the_api_counts_what_a_search_with_a_place_finds(api, neighbours):
    body = api.get("/api/v1/customers/", {"q": "müller köln"}).json()
    assert [c["first_name"] for c in body["results"]] == ["Käthe"] and body["count"] == 1
    body = api.get("/api/v1/customers/", {"q": "example.de"}).json()
    assert [c["first_name"] for c in body["results"]] == ["Käthe"] and body["count"] == 1


def test_l2_existing_customers_are_found_by_place_and_mail_parts_after_the_migration(make_customer):
    import importlib

    from django.apps import apps

    from regulars.customers.models import SearchKey

    # given a customer indexed as before: name keys without the place, the whole address only
    customer = make_customer(first_name="Käthe", city="Köln", emails=[("kaethe.m@example.de", "private")])
    SearchKey.objects.filter(customer=customer).delete()
    SearchKey.objects.bulk_create(
        SearchKey(customer=customer, key=key) for key in ("kathe muller", "muller kathe", "kathe.m@example.de")
    )
    assert first_names("müller köln") == [] and first_names("example.de") == []
    # when
    migration = importlib.import_module("regulars.customers.migrations.0007_search_keys_with_place_and_mail_parts")
    migration.rewrite_keys(apps, None)
    # then
    assert first_names("müller köln") == ["Käthe"] and first_names("example.de") == ["Käthe"]
