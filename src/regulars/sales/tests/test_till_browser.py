"""The till in a real (headless) Chromium: scan, customer popup, discount visible, pay, change, the receipt on the
customer page, cancel, red (S1-S3, C6, C7, R1, R2)."""

import pytest

from regulars.core.tests.browser import expect, log_in, screenshot
from regulars.customers.models import PopupMode
from regulars.sales.models import Receipt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_sale_at_the_till_from_scan_to_the_customers_receipts(page, cashier, till, jana, regular, shampoo, haircut):
    regular.popup_text, regular.popup_mode = "Hat ihren Regenschirm vergessen", PopupMode.NEXT_VISIT
    regular.save()
    log_in(page, cashier)
    page.get_by_role("link", name="Till").click()
    # the customer card is scanned into the customer field
    page.get_by_placeholder("Customer (F2): name, number or scan the card").fill(regular.number)
    page.keyboard.press("Enter")
    # the note on the customer is a dialog the cashier confirms (C6); then the articles follow
    note = page.get_by_role("dialog", name="Note on this customer")
    expect(note).to_be_visible()
    expect(note).to_contain_text("Regenschirm")
    page.keyboard.press("Enter")
    expect(note).to_be_hidden()
    scan = page.get_by_placeholder("Article (F3): scan the EAN or type a name")
    expect(scan).to_be_focused()
    # an article is scanned, a service chosen: the customer's discounts show per line
    scan.fill(shampoo.ean)
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Schneiden & Föhnen €45.00").click()
    cart = page.locator("#till-cart")
    expect(cart).to_contain_text("−€2.00")
    expect(cart).to_contain_text("−€4.50")
    expect(page.get_by_test_id("total")).to_have_text("€51.00")
    screenshot(page, "till-cart")
    # paid in cash: the change is shown
    page.get_by_label("Cash given").fill("60")
    page.get_by_role("button", name="Pay").click()
    expect(page.get_by_test_id("change")).to_have_text("€9.00")
    assert Receipt.objects.get().total == 5100
    regular.refresh_from_db()
    assert regular.popup_mode == PopupMode.OFF  # seen and sold: the note for the next visit is done
    # the receipt is on the customer's page, with its lines behind "Details"
    page.goto(regular.get_absolute_url())
    panel = page.locator("#receipts-panel")
    expect(panel).to_contain_text("Kasse 1 #1")
    panel.get_by_role("button", name="Details").click()
    expect(panel).to_contain_text("Wella Shampoo Repair")
    # cancelled (S3): a cancellation receipt appears, both shown in red
    page.once("dialog", lambda dialog: dialog.accept())
    panel.get_by_role("button", name="Cancel receipt").click()
    expect(panel.locator("tbody.receipt-void")).to_have_count(2)
    expect(panel).to_contain_text("cancels #1")
    color = panel.locator("tbody.receipt-void td").first.evaluate("cell => getComputedStyle(cell).color")
    assert color == "rgb(180, 35, 24)"  # the danger red
    assert Receipt.objects.filter(kind="cancellation", cancels__number=1).exists()
    screenshot(page, "customer-receipts")


def test_article_search_a_line_for_another_customer_and_parking(
    page, cashier, till, jana, make_customer, regular, shampoo, haircut
):
    mother = make_customer(first_name="Petra", last_name="Schmitz")
    log_in(page, cashier)
    page.goto("/sales/till/")
    page.get_by_placeholder("Customer (F2): name, number or scan the card").fill(mother.number)
    page.keyboard.press("Enter")
    cart = page.locator("#till-cart")
    expect(cart).to_contain_text("Schmitz, Petra")
    # part of a name: the article is picked from the list with the keyboard
    scan = page.get_by_placeholder("Article (F3): scan the EAN or type a name")
    expect(scan).to_be_focused()
    scan.press_sequentially("repa")
    pick = page.locator("#till-articles").get_by_role("button", name="Wella Shampoo Repair €12.50")
    expect(pick).to_be_visible()
    screenshot(page, "till-articles")
    page.keyboard.press("ArrowDown")
    expect(pick).to_be_focused()
    page.keyboard.press("Enter")
    expect(cart).to_contain_text("Wella Shampoo Repair")
    expect(page.locator("#till-articles")).to_be_empty()
    expect(scan).to_be_focused()
    # the line is booked to another customer, who gets her 2 € off articles
    cart.get_by_label("More for this line").last.click()
    cart.get_by_label("Customer of this line").fill("mül")
    expect(cart.get_by_role("button", name="Müller, Käthe")).to_be_visible()
    screenshot(page, "till-line-search")
    cart.get_by_role("button", name="Müller, Käthe").click()
    expect(page.get_by_test_id("line-customer")).to_contain_text("for Müller, Käthe")
    expect(page.get_by_test_id("total")).to_have_text("€10.50")
    # parked: the cart is free, the parked receipt is listed
    cart.get_by_role("button", name="Park").click()
    expect(page.get_by_test_id("notice")).to_have_text("Receipt parked.")
    expect(page.get_by_test_id("parked")).to_contain_text("Schmitz, Petra")
    expect(page.get_by_test_id("parked")).to_contain_text("€10.50")
    # the next customer: a service for another customer, while one receipt is parked
    page.get_by_role("button", name="Schneiden & Föhnen €45.00").click()
    cart.get_by_label("More for this line").last.click()
    cart.get_by_label("Customer of this line").fill(regular.number)
    page.keyboard.press("Enter")
    expect(cart.get_by_test_id("till-line")).to_contain_text("Stammkunde −€4.50")
    expect(page.get_by_test_id("total")).to_have_text("€40.50")
    screenshot(page, "till-parked")
    page.set_viewport_size({"width": 1024, "height": 768})
    screenshot(page, "till-parked-tablet")
    # resuming waits until this receipt is paid
    cart.get_by_role("button", name="Resume").click()
    expect(cart.get_by_role("alert")).to_contain_text("before resuming a parked one")
    page.get_by_label("Card").fill("40,50")
    page.get_by_role("button", name="Pay").click()
    expect(page.get_by_test_id("booked")).to_contain_text("€40.50")
    cart.get_by_role("button", name="Resume").click()
    expect(page.get_by_test_id("line-customer")).to_contain_text("for Müller, Käthe")
    expect(cart).to_contain_text("Schmitz, Petra")
    page.get_by_label("Cash given").fill("20")
    page.get_by_role("button", name="Pay").click()
    expect(page.get_by_test_id("change")).to_have_text("€9.50")
    sale = Receipt.objects.get(number=2)
    assert (sale.customer, sale.total, sale.lines.get().customer) == (mother, 1050, regular)


def test_every_service_is_found_by_typing_part_of_its_name(page, cashier, till, jana, haircut):
    """All active services are on the till, not only the first ones; typing narrows them, Enter books one."""
    from regulars.catalog.models import Service

    Service.objects.bulk_create(Service(shop=till.shop, name=f"Behandlung {n:02d}", price=1000 + n) for n in range(60))
    log_in(page, cashier)
    page.goto("/sales/till/")
    services = page.locator("[data-service-name]")
    expect(services).to_have_count(61)
    page.get_by_label("Find a service").fill("fohn")  # typed without the umlaut
    expect(page.locator("[data-service-name]:visible")).to_have_count(1)
    page.keyboard.press("Enter")
    expect(page.locator("#till-cart")).to_contain_text("Schneiden & Föhnen")
    expect(page.get_by_label("Find a service")).to_have_value("")  # booked: every service is offered again
    expect(page.locator("[data-service-name]:visible")).to_have_count(61)
    page.get_by_label("Find a service").press("Enter")  # nothing typed: nothing booked
    page.wait_for_timeout(300)
    expect(page.locator("#till-cart")).not_to_contain_text("Behandlung")
    page.get_by_label("Find a service").fill("behandlung 59")
    expect(page.locator("[data-service-name]:visible .service-name")).to_have_text(["Behandlung 59"])
    page.get_by_label("Find a service").fill("dauerwelle")
    expect(page.get_by_text("No service matches.")).to_be_visible()
