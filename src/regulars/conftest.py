"""The fixtures every app's tests share, loaded as plugins: tests never import fixtures from other test modules."""

pytest_plugins = [
    "regulars.core.tests.fixtures",
    "regulars.core.tests.browser",
    "regulars.core.tests.commands",
    "regulars.customers.tests.fixtures",
    "regulars.sales.tests.fixtures",
    "regulars.communication.tests.fixtures",
]


def pytest_collection_modifyitems(items):
    """A test that commits (transaction=True) must restore the database with serialized_rollback=True: without it,
    the flush after it recreates the content types and every later restoring test fails on them."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is not None and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            raise ValueError(f"{item.nodeid}: use @pytest.mark.django_db(transaction=True, serialized_rollback=True)")
