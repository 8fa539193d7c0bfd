"""The fixtures every app's tests share, loaded as plugins: tests never import fixtures from other test modules."""

pytest_plugins = [
    "regulars.core.tests.fixtures",
    "regulars.core.tests.browser",
    "regulars.core.tests.commands",
    "regulars.customers.tests.fixtures",
    "regulars.sales.tests.fixtures",
    "regulars.communication.tests.fixtures",
]
