"""Fixtures for the browser tests: a headless Chromium driven by Playwright against pytest-django's live server.

Loaded as a plugin by the root conftest.py; the helpers (log_in, expect, screenshot) are imported from here.
Every wait is bounded:
Playwright's default timeouts are set to a few seconds, and only the live server on this machine may be reached.
With REGULARS_SCREENSHOTS=1 the tests leave pictures of the pages in /tmp/regulars-*.png.
"""

import os
import re
from urllib.parse import urlsplit

import pytest
from django.db import connections

from regulars.core.tests.fixtures import PASSWORD

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
#: how long an action or an assertion waits for the page, in milliseconds
TIMEOUT = 5_000
NAVIGATION_TIMEOUT = 10_000
DESKTOP = {"width": 1280, "height": 800}
TABLET = {"width": 820, "height": 1180}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
#: reports every Content-Security-Policy violation of a page to the console, where the fixtures collect it
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${where}`);
});
"""


@pytest.fixture
def browser(monkeypatch):
    """A headless Chromium for one test.

    While Playwright's sync API runs, the main thread has a running event loop. Django then refuses ORM calls there
    ("You cannot call this from an async context"), so the check is switched off: the tests' ORM calls are plain
    synchronous code. Django also keeps the main thread's database connections apart while a loop runs; starting
    the browser only after the test database is set up (and stopping it before it is flushed) keeps the
    serialized rollback working, and the extra connections are closed here, so PostgreSQL can drop the test database.
    """
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    playwright = playwright_api.sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, timeout=NAVIGATION_TIMEOUT
        )
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        connections.close_all()
        playwright.stop()


def _local_only(route):
    if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
        route.continue_()
    else:
        route.abort()


def is_csp_violation(message) -> bool:
    """A console message telling of a Content Security Policy violation (Chromium's own or REPORT_CSP_VIOLATIONS')."""
    return message.type == "error" and ("Content Security Policy" in message.text or "CSP violation" in message.text)


@pytest.fixture
def csp_violations():
    """The Content Security Policy violations the pages of this test reported; none may be left at its end."""
    violations = []
    yield violations
    assert not violations, f"the pages broke their Content Security Policy: {violations}"


@pytest.fixture
def new_context(browser, live_server, csp_violations):
    """Open browser contexts (separate cookie jars, i.e. separate people) that are closed after the test.

    Every page reports its Content Security Policy violations; a test with any fails (`csp_violations`).
    """
    contexts = []

    def make(viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, locale="en-US", base_url=live_server.url)
        context.set_default_timeout(TIMEOUT)
        context.set_default_navigation_timeout(NAVIGATION_TIMEOUT)
        context.route("**/*", _local_only)
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        context.on("console", lambda message: is_csp_violation(message) and csp_violations.append(message.text))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


def log_in(page, user, password=PASSWORD):
    """Log in through the login form, as a person does; ends on the customer list."""
    page.goto("/login/")
    page.get_by_label("User name").fill(user.username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/customers/$"))
    page.wait_for_load_state()  # htmx and app.js (deferred) are ready before anyone types
    return page


def fill_new_password(page, password):
    """Type a new password and its confirmation into a password page."""
    page.get_by_label("New password:", exact=True).fill(password)
    page.get_by_label("New password confirmation:").fill(password)


def htmx_loaded(page) -> bool:
    return page.evaluate("() => typeof window.htmx === 'object' && typeof window.htmx.ajax === 'function'")


def screenshot(page, name):
    """Keep a picture of the page in /tmp when REGULARS_SCREENSHOTS is set (for looking at the layout)."""
    if os.environ.get("REGULARS_SCREENSHOTS"):
        page.screenshot(path=f"/tmp/regulars-{name}.png", full_page=True)
