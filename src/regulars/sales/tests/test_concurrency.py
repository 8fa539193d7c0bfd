"""Two tills and several clerks booking at the same moment: numbers stay gapless, chains intact."""

import threading

import pytest
from django.db import connection

from regulars.sales.fiscal import verify
from regulars.sales.models import Receipt
from regulars.sales.services import LineInput, PaymentInput, book_receipt


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_bookings_get_gapless_numbers_per_till(till, second_till, jana, haircut):
    errors = []

    def clerk(target):
        try:
            for _ in range(8):
                book_receipt(
                    till=target, staff=jana, lines=[LineInput(service=haircut)], payments=[PaymentInput("card", 4500)]
                )
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=clerk, args=(t,)) for t in (till, till, second_till, second_till)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    for target in (till, second_till):
        numbers = sorted(Receipt.objects.filter(till=target).values_list("number", flat=True))
        assert numbers == list(range(1, 17))
    assert verify().breaks == []
