"""The customer pages as a cashier uses them, in a real (headless) Chromium: log in, create, find, choose columns,
edit, a refused concurrent edit, bad input (L1-L4, C1, P1)."""

import re

import pytest

from regulars.core.tests.browser import DESKTOP, TABLET, expect, htmx_loaded, log_in, screenshot
from regulars.core.tests.fixtures import PASSWORD
from regulars.customers.models import Customer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JUERGEN = {
    "First name": "Jürgen",
    "Last name": "Müller",
    "Street and number": "Hohe Straße 12",
    "Postcode": "50667",
    "City": "Köln",
}


def field(page, label):
    """A field of the customer form by its label ("City:"), exactly, so "Title" does not match "Title …"."""
    return page.get_by_label(f"{label}:", exact=True)


def results(page):
    return page.locator("#results tbody tr[data-href]")


def headers(page):
    """The column headers; compared by their text as written (the style sheet capitalises the first letter)."""
    return page.locator("#results thead th")


def fact(panel, label):
    """The value next to a label of a customer page's section."""
    return panel.locator("dt", has_text=re.compile(rf"^{re.escape(label)}$")).locator("xpath=following-sibling::dd[1]")


def open_customer_form(page, customer):
    page.goto(customer.get_absolute_url())
    page.get_by_role("link", name="Edit").click()
    expect(page.get_by_role("button", name="Save customer")).to_be_visible()


@pytest.fixture
def juergen(make_customer):
    return make_customer(
        first_name="Jürgen",
        last_name="Müller",
        street="Hohe Straße 12",
        postcode="50667",
        city="Köln",
        phones=[("+491711234567", "mobile")],
    )


def test_log_in_with_user_name_and_password(page, cashier):
    page.goto("/customers/")
    expect(page).to_have_url(re.compile(r"/login/\?next=/customers/$"))
    page.get_by_label("User name").fill(cashier.username)
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("User name or password is wrong")

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(re.compile(r"/customers/$"))
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Customers")).to_be_visible()
    expect(page.locator(".usermenu")).to_contain_text("kasse")
    assert htmx_loaded(page), "htmx did not load: the live server does not serve the static files"
    screenshot(page, "login-done")


def test_create_a_customer(page, cashier):
    log_in(page, cashier)
    page.get_by_role("link", name="New customer").click()
    expect(page.get_by_role("heading", name="New customer")).to_be_visible()
    for label, value in JUERGEN.items():
        field(page, label).fill(value)
    page.get_by_label("phone number").first.fill("0171 1234567")
    page.get_by_label("e-mail address").first.fill("juergen.mueller@example.de")
    screenshot(page, "form-new")
    page.get_by_role("button", name="Save customer").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Müller, Jürgen")
    expect(page.locator(".message-success")).to_contain_text("saved")
    number = page.get_by_test_id("customer-number").inner_text()
    assert re.fullmatch(r"\d{5,}", number), number
    contact = page.locator("[data-panel=contact]")
    expect(fact(contact, "Name")).to_have_text("Jürgen Müller")  # no stray "—" for the empty salutation
    expect(contact).to_contain_text("50667 Köln")
    expect(contact.get_by_role("link", name="0171 1234567")).to_be_visible()
    expect(contact.get_by_role("link", name="juergen.mueller@example.de")).to_be_visible()
    customer = Customer.objects.get()
    assert customer.number == number
    assert [p.number for p in customer.phones.all()] == ["+491711234567"]
    screenshot(page, "customer")


def test_search_while_typing_and_open_with_the_keyboard(page, cashier, juergen, make_customer):
    make_customer(first_name="Dirk", last_name="Schmidt", city="Bonn")
    make_customer(first_name="Eva", last_name="Meyer", city="Aachen")
    log_in(page, cashier)
    expect(results(page)).to_have_count(3)
    search = page.get_by_role("searchbox", name="Search")
    expect(search).to_be_focused()

    for typed in ("mueller", "MÜLLER", "Muller"):
        search.fill("")
        expect(results(page)).to_have_count(3)  # an empty search shows everybody again
        search.press_sequentially(typed, delay=30)  # no Enter: the list follows the typing
        expect(results(page)).to_have_count(1)
        expect(results(page).first).to_contain_text("Müller, Jürgen")
        expect(page.locator(".result-count")).to_have_text("1 found")
    expect(page).to_have_url(re.compile(r"\?q=Muller"))  # the search is in the address, for Back and reload
    screenshot(page, "list-search")

    search.press("ArrowDown")
    expect(results(page).first).to_be_focused()
    page.wait_for_timeout(500)  # a person takes a moment; leaving the search field must not reload the rows
    expect(results(page).first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/customers/{juergen.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Müller, Jürgen")


def test_filters_update_the_list(page, cashier, juergen, make_customer):
    make_customer(first_name="Dirk", last_name="Schmidt", active=False)
    log_in(page, cashier)
    expect(results(page)).to_have_count(1)  # active customers, unless asked for others
    expect(results(page).first).to_contain_text("Müller, Jürgen")
    page.get_by_role("combobox", name="active").select_option(label="active and inactive")
    expect(results(page)).to_have_count(2)
    page.get_by_role("combobox", name="active").select_option(label="inactive only")
    expect(results(page)).to_have_count(1)
    expect(results(page).first).to_contain_text("Schmidt, Dirk")
    page.get_by_role("combobox", name="active").select_option(label="active only")
    expect(results(page)).to_have_count(1)
    expect(results(page).first).to_contain_text("Müller, Jürgen")
    page.get_by_text("More filters").click()
    page.get_by_label("Webshop").check()
    expect(page.locator("#results")).to_contain_text("Nothing found.")
    expect(page).to_have_url(re.compile(r"group=webshop"))


def test_sort_by_a_column_header_also_while_searching(page, cashier, juergen, make_customer):
    make_customer(first_name="Dirk", last_name="Müller", city="Bonn")
    make_customer(first_name="Eva", last_name="Meyer", city="Aachen")
    log_in(page, cashier)
    expect(results(page).locator("td.name")).to_have_text(["Meyer, Eva", "Müller, Dirk", "Müller, Jürgen"])

    city = page.locator("#results thead").get_by_role("link", name="City")
    city.click()
    expect(results(page).locator("td.name")).to_have_text(["Meyer, Eva", "Müller, Dirk", "Müller, Jürgen"])
    expect(page.locator("#results th[aria-sort=ascending]")).to_have_text("City")
    page.locator("#results thead").get_by_role("link", name="City").click()  # again: the other way round
    expect(results(page).locator("td.name")).to_have_text(["Müller, Jürgen", "Müller, Dirk", "Meyer, Eva"])
    expect(page).to_have_url(re.compile(r"ordering=-city"))

    page.get_by_role("searchbox", name="Search").press_sequentially("müller", delay=30)
    expect(results(page).locator("td.name")).to_have_text(["Müller, Jürgen", "Müller, Dirk"])  # Köln, then Bonn
    expect(page).to_have_url(re.compile(r"ordering=-city.*q=m%C3%BCller|q=m%C3%BCller.*ordering=-city"))
    expect(page.locator("#results th[aria-sort=descending]")).to_have_text("City")
    screenshot(page, "list-sorted")


def test_choose_columns_kept_per_user(page, new_context, cashier, manager, juergen):
    defaults = ["Name", "Customer number", "Street and number", "Postcode", "City", "Phone", "E-mail", "Active"]
    log_in(page, cashier)
    expect(headers(page)).to_have_text(defaults)

    page.get_by_role("button", name="Columns").click()
    dialog = page.get_by_role("dialog", name="Choose columns")
    expect(dialog).to_be_visible()
    screenshot(page, "columns-dialog")
    dialog.get_by_label("Postcode", exact=True).uncheck()
    dialog.get_by_label("Birthday", exact=True).check()
    dialog.get_by_role("button", name="Move e-mail up").click()
    expect(dialog.get_by_role("button", name="Move e-mail up")).to_be_focused()  # for pressing it again
    dialog.get_by_role("button", name="Save columns").click()

    chosen = ["Name", "Customer number", "Street and number", "City", "E-mail", "Phone", "Active", "Birthday"]
    expect(headers(page)).to_have_text(chosen)  # exactly these, in this order
    expect(results(page).first).to_contain_text("Köln")
    page.reload()
    expect(headers(page)).to_have_text(chosen)

    other = log_in(new_context().new_page(), manager)
    expect(headers(other)).to_have_text(defaults)
    page.reload()
    expect(headers(page)).to_have_text(chosen)


def test_edit_shows_in_the_protocol(page, cashier, juergen):
    log_in(page, cashier)
    open_customer_form(page, juergen)
    expect(field(page, "First name")).to_have_value("Jürgen")
    expect(page.get_by_label("phone number").first).to_have_value("0171 1234567")
    field(page, "Postcode").fill("53111")
    field(page, "City").fill("Bonn")
    page.get_by_role("button", name="Save customer").click()

    expect(page).to_have_url(re.compile(rf"/customers/{juergen.pk}/$"))
    expect(page.locator("[data-panel=contact]")).to_contain_text("53111 Bonn")
    protocol = page.locator("#protocol")
    postcode_line = protocol.locator("tr", has_text="postcode").first  # newest first; below: the creation
    expect(postcode_line).to_contain_text("from “50667” to “53111”")
    expect(postcode_line).to_contain_text("kasse")
    city_line = protocol.locator("tr", has_text="city").first
    expect(city_line).to_contain_text("from “Köln” to “Bonn”")
    expect(city_line).to_contain_text("kasse")
    screenshot(page, "customer-protocol")


def test_concurrent_edit_is_refused_and_can_be_saved_again(new_context, cashier, manager, juergen):
    first = log_in(new_context().new_page(), cashier)
    second = log_in(new_context().new_page(), manager)
    open_customer_form(first, juergen)
    open_customer_form(second, juergen)

    field(first, "City").fill("Bonn")
    first.get_by_role("button", name="Save customer").click()
    expect(first.locator(".message-success")).to_be_visible()

    field(second, "Street and number").fill("Domkloster 4")
    field(second, "City").fill("Düsseldorf")
    second.get_by_role("button", name="Save customer").click()

    expect(second.locator(".message-error")).to_contain_text("Not saved")
    conflict = second.get_by_test_id("conflict")
    expect(conflict.get_by_role("heading", name="Changed meanwhile")).to_be_visible()
    expect(conflict.locator("tr", has_text="city")).to_contain_text("from “Köln” to “Bonn”")
    expect(conflict.locator("tr", has_text="city")).to_contain_text("kasse")
    expect(field(second, "City")).to_have_value("Düsseldorf")  # the second person's input is kept
    expect(field(second, "Street and number")).to_have_value("Domkloster 4")
    screenshot(second, "conflict")
    juergen.refresh_from_db()
    assert (juergen.city, juergen.street) == ("Bonn", "Hohe Straße 12")

    second.get_by_role("button", name="Save customer").click()
    expect(second.locator(".message-success")).to_contain_text("saved")
    expect(second.locator("[data-panel=contact]")).to_contain_text("Domkloster 4")
    expect(second.locator("[data-panel=contact]")).to_contain_text("50667 Düsseldorf")
    city_lines = second.locator("#protocol tr", has_text="city")
    expect(city_lines.first).to_contain_text("from “Bonn” to “Düsseldorf”")
    expect(city_lines.first).to_contain_text("chef")
    expect(city_lines.nth(1)).to_contain_text("from “Köln” to “Bonn”")
    first_change_time = city_lines.nth(1).locator("td").nth(1).inner_text()
    expect(city_lines.first).to_contain_text(f"overwrites the change of {first_change_time}")  # in local time
    juergen.refresh_from_db()
    assert (juergen.city, juergen.street) == ("Düsseldorf", "Domkloster 4")


def test_bad_input_is_marked_at_the_fields_and_nothing_saved(page, cashier, juergen):
    customers_before = Customer.objects.count()
    log_in(page, cashier)
    page.get_by_role("link", name="New customer").click()
    field(page, "First name").fill("Erika")
    field(page, "Last name").fill("Mustermann")
    field(page, "Postcode").fill("5066")
    page.get_by_label("phone number").first.fill("0171 12")
    page.get_by_role("button", name="Save customer").click()

    expect(page.locator(".message-error")).to_contain_text("Please correct the marked fields.")
    postcode = page.locator(".field", has=page.locator("#id_postcode"))
    expect(postcode.get_by_role("alert")).to_have_text("“5066” is not a postcode of this country. Example: 12345.")
    expect(postcode).to_have_class(re.compile(r"\bhas-error\b"))
    phone = page.locator(".row-inline", has=page.locator("#id_phones-0-number"))
    expect(phone.get_by_role("alert")).to_contain_text("“0171 12” is not a valid phone number")
    expect(phone).to_have_class(re.compile(r"\bhas-error\b"))
    expect(field(page, "First name")).to_have_value("Erika")  # what was typed stays
    expect(page.get_by_label("phone number").first).to_have_value("0171 12")
    screenshot(page, "form-errors")
    assert Customer.objects.count() == customers_before
    assert not Customer.objects.filter(last_name="Mustermann").exists()


@pytest.mark.parametrize("viewport", [DESKTOP, TABLET], ids=["desktop", "tablet"])
def test_pages_fit_the_screen(new_context, cashier, juergen, viewport):
    """No page scrolls sideways, at the desk and on a tablet."""
    page = log_in(new_context(viewport).new_page(), cashier)
    size = "tablet" if viewport == TABLET else "desktop"
    for name, url in [
        ("list", "/customers/"),
        ("customer", juergen.get_absolute_url()),
        ("form", f"/customers/{juergen.pk}/edit/"),
    ]:
        page.goto(url)
        screenshot(page, f"{name}-{size}")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {viewport['width']}px"


def test_the_list_fits_a_landscape_tablet_with_all_default_columns(new_context, cashier, make_customer):
    """At 1024 px the default columns fit without scrolling the table; a long e-mail address is shortened."""
    # given a customer with a long address and e-mail address
    make_customer(
        first_name="Anneke", last_name="van der Bakker-Oosterhuis", street="Lange Elisabethstraat 179",
        postcode="3511 LM", city="Amersfoort", phones=[("+31612345678", "mobile")],
        emails=[("anneke.vanderbakker-oosterhuis1988@example.com", "private")],
    )  # fmt: skip
    page = log_in(new_context({"width": 1024, "height": 768}).new_page(), cashier)
    # when
    page.goto("/customers/")
    # then
    email = page.get_by_title("anneke.vanderbakker-oosterhuis1988@example.com")
    expect(email).to_be_visible()  # the whole address is in the tooltip
    screenshot(page, "list-tablet-landscape")
    wrap = page.evaluate("() => [...['scrollWidth', 'clientWidth'].map(k => document.querySelector('.table-wrap')[k])]")
    assert wrap[0] <= wrap[1], f"the list scrolls sideways by {wrap[0] - wrap[1]}px"
