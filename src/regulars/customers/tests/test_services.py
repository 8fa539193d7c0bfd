"""Creating and changing customers through the services: numbers, protocol, lost updates (C3, P1)."""

import pytest

from regulars.audit.models import AppendOnlyError, ProtocolEntry
from regulars.audit.services import history_of
from regulars.customers.models import Customer, NeverDeletedError
from regulars.customers.services import CustomerData, StaleCustomerError, update_customer


def test_c3_new_customers_get_consecutive_numbers(make_customer):
    first, second = make_customer(), make_customer(first_name="Jan", last_name="de Vries")
    assert int(second.number) == int(first.number) + 1


def test_c3_own_numbers_are_kept_and_skipped_by_the_series(make_customer):
    own = make_customer(number="10002")
    assert own.number == "10002"
    numbers = {make_customer().number, make_customer().number}
    assert "10002" not in numbers


def test_p1_creation_is_protocolled_field_by_field(make_customer, cashier):
    customer = make_customer(postcode="51999", city="Köln", phones=[("+491711234567", "mobile")])
    entries = {e.field: e for e in history_of(customer).all()}
    assert entries["postcode"].new_value == "51999"
    assert entries["postcode"].action == "created"
    assert entries["phones"].new_value == [{"number": "+491711234567", "kind": "mobile"}]
    assert entries["last_name"].user_name == cashier.username


def test_p1_a_change_names_the_entry_it_overwrites(make_customer, manager):
    # given a customer whose postcode was set at creation
    customer = make_customer(postcode="51999")
    created_entry = history_of(customer).get(field="postcode")
    # when the postcode changes
    update_customer(
        customer_id=customer.pk, data=CustomerData(fields={"postcode": "51465"}), expected_version=1, user=manager
    )
    # then the protocol shows old and new value, the user and the overwritten entry
    change = history_of(customer).filter(field="postcode").first()
    assert (change.old_value, change.new_value, change.user_name) == ("51999", "51465", "chef")
    assert change.supersedes == created_entry
    assert change.version == 2


def test_p1_changed_groups_and_phones_are_protocolled(make_customer, manager):
    from regulars.customers.models import CustomerGroup

    customer = make_customer()
    webshop = CustomerGroup.objects.get(key="webshop")
    update_customer(
        customer_id=customer.pk,
        data=CustomerData(groups=[webshop], phones=[("+31612345678", "mobile")]),
        expected_version=None,
        user=manager,
    )
    groups = history_of(customer).get(field="groups", action="changed")
    standard = CustomerGroup.objects.get(key="standard")
    assert groups.old_value == [{"id": standard.pk, "label": "Standard"}]
    assert groups.new_value == [{"id": webshop.pk, "label": "Webshop"}]
    assert history_of(customer).get(field="phones", action="changed").new_value == [
        {"number": "+31612345678", "kind": "mobile"}
    ]


def test_saving_unchanged_data_writes_nothing(make_customer, manager):
    customer = make_customer(city="Köln")
    before = history_of(customer).count()
    same = update_customer(
        customer_id=customer.pk, data=CustomerData(fields={"city": "Köln"}), expected_version=1, user=manager
    )
    assert same.version == 1
    assert history_of(customer).count() == before


def test_a_stale_edit_is_refused_with_the_changes_made_meanwhile(make_customer, cashier, manager):
    # given two people who opened version 1
    customer = make_customer(city="Köln")
    update_customer(
        customer_id=customer.pk, data=CustomerData(fields={"city": "Bonn"}), expected_version=1, user=manager
    )
    # when the second one saves on top of version 1
    with pytest.raises(StaleCustomerError) as refused:
        update_customer(
            customer_id=customer.pk, data=CustomerData(fields={"city": "Aachen"}), expected_version=1, user=cashier
        )
    # then nothing is saved and the first person's change is named
    assert Customer.objects.get(pk=customer.pk).city == "Bonn"
    assert [(c.field, c.old_value, c.new_value, c.user_name) for c in refused.value.changes] == [
        ("city", "Köln", "Bonn", "chef")
    ]


def test_p1_protocol_entries_cannot_be_changed_or_deleted(make_customer):
    customer = make_customer()
    entry = history_of(customer).first()
    entry.new_value = "forged"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        ProtocolEntry.objects.filter(pk=entry.pk).update(new_value="forged")
    with pytest.raises(AppendOnlyError):
        ProtocolEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(AppendOnlyError):
        ProtocolEntry.objects.bulk_update([entry], ["new_value"])
    assert ProtocolEntry.objects.get(pk=entry.pk).new_value != "forged"


def test_g4_customers_are_never_deleted(make_customer):
    customer = make_customer()
    with pytest.raises(NeverDeletedError):
        customer.delete()
    assert Customer.objects.filter(pk=customer.pk).exists()


def test_p1_protocol_entries_cannot_be_merged_or_overwritten(make_customer):
    entry = history_of(make_customer()).first()
    forged = ProtocolEntry(
        pk=entry.pk, kind="customer", record_id=entry.record_id, action="changed", field="city", new_value="forged"
    )
    with pytest.raises(AppendOnlyError):
        ProtocolEntry.objects.bulk_create(
            [forged], update_conflicts=True, unique_fields=["id"], update_fields=["new_value"]
        )
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        forged.save()
    assert ProtocolEntry.objects.get(pk=entry.pk).new_value != "forged"
