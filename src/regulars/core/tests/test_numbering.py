"""Number series hand out each number once (C3)."""

from regulars.core.services import next_number


def test_numbers_follow_each_other(db):
    assert [next_number(series="t", start=100) for _ in range(3)] == [100, 101, 102]


def test_taken_numbers_are_skipped(db):
    taken = {5, 6}
    assert next_number(series="s", start=5, is_free=lambda n: n not in taken) == 7
