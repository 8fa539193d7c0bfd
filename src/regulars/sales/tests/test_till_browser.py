"""The till in a real (headless) Chromium: scan, customer popup, discount visible, pay, change, the receipt on the
customer page, cancel, red (S1-S3, C6, C7, R1, R2)."""

import pytest

from regulars.customers.models import PopupMode
from regulars.customers.tests.browser import browser, expect, log_in, new_context, page, screenshot  # noqa: F401
from regulars.sales.models import Receipt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_sale_at_the_till_from_scan_to_the_customers_receipts(page, cashier, till, jana, regular, shampoo, haircut):
    regular.popup_text, regular.popup_mode = "Hat ihren Regenschirm vergessen", PopupMode.NEXT_VISIT
    regular.save()
    log_in(page, cashier)
    page.get_by_role("link", name="Till").click()
    # the customer card is scanned into the customer field
    page.get_by_placeholder("Customer: name, number or scan the card").fill(regular.number)
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("popup")).to_contain_text("Regenschirm")
    # an article is scanned, a service chosen: the customer's discounts show per line
    scan = page.get_by_placeholder("Scan EAN or type an article")
    expect(scan).to_be_focused()
    scan.fill(shampoo.ean)
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Schneiden & Föhnen").click()
    cart = page.locator("#till-cart")
    expect(cart).to_contain_text("−€2.00")
    expect(cart).to_contain_text("−€4.50")
    expect(page.get_by_test_id("total")).to_have_text("€51.00")
    screenshot(page, "till-cart")
    # paid in cash: the change is shown
    page.get_by_label("Cash given").fill("60")
    page.get_by_role("button", name="Pay").click()
    expect(page.get_by_test_id("booked")).to_contain_text("Change: €9.00")
    assert Receipt.objects.get().total == 5100
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
