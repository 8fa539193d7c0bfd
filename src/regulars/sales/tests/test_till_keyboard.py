"""A till a cashier can use all day, in a real Chromium at 1024 × 768 (a landscape tablet): a whole sale from the
keyboard, the keys listed behind "?", the note on a customer as a dialog, a refusal that goes away when one types
again, no scrolling for a normal sale and touch targets of at least 44 px (seen: a sale by keyboard took 75 key
presses and 28 Tabs, and after "Pay" the focus was lost)."""

import pytest

from regulars.catalog.models import Article, Service
from regulars.core.models import StaffMember
from regulars.core.tests.browser import expect, log_in, screenshot
from regulars.customers.models import PopupMode
from regulars.sales.models import Receipt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TABLET = {"width": 1024, "height": 768}


class Keys:
    """The cashier's key presses, counted: each key is one, each character typed one, a scan one (the scanner)."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def press(self, key: str):
        self.page.keyboard.press(key)
        self.count += 1

    def type(self, text: str):
        self.page.keyboard.type(text, delay=20)
        self.count += len(text)

    def scan(self, code: str):
        self.page.keyboard.type(code)
        self.page.keyboard.press("Enter")
        self.count += 1


@pytest.fixture
def lisa(shop_de):
    return StaffMember.objects.create(name="Lisa Weiß", shop=shop_de)


@pytest.fixture
def balayage(shop_de):
    return Service.objects.create(shop=shop_de, name="Balayage", price=12900)


@pytest.fixture
def conditioner(shop_de, shampoo):
    return Article.objects.create(shop=shop_de, name="Conditioner", ean="4006381333948", brand=shampoo.brand, price=990)


@pytest.fixture
def till_page(new_context, cashier, till, jana):
    page = new_context(viewport=TABLET).new_page()
    log_in(page, cashier)
    page.goto("/sales/till/")
    return page


def test_a_whole_sale_by_keyboard_takes_at_most_20_key_presses(
    regular, shampoo, conditioner, balayage, lisa, haircut, till_page
):
    page, keys = till_page, Keys(till_page)
    cart = page.locator("#till-cart")
    # the customer: F2, two letters, Enter takes the only one found
    keys.press("F2")
    keys.type("Kä")
    expect(page.locator("#till-customers [data-till-pick]")).to_have_count(1)
    keys.press("Enter")
    expect(cart).to_contain_text("Müller, Käthe")
    # two articles scanned: the scan field has the focus after choosing the customer and after each scan
    expect(page.get_by_label("Article (F3)")).to_be_focused()
    keys.scan(shampoo.ean)
    expect(page.get_by_test_id("till-line")).to_have_count(1)
    keys.scan(conditioner.ean)
    expect(page.get_by_test_id("till-line")).to_have_count(2)
    # a service performed by Lisa: F6 and her initial, F4 and part of the name, Enter
    keys.press("F6")
    keys.type("L")
    keys.press("F4")
    keys.type("bal")
    keys.press("Enter")
    expect(cart).to_contain_text("Balayage (Lisa Weiß)")
    screenshot(page, "till-keyboard-cart")
    # split payment: F7, 20 € in cash, F9 the rest by card
    keys.press("F7")
    keys.type("20")
    keys.press("F9")
    expect(page.get_by_test_id("booked")).to_be_visible()
    screenshot(page, "till-keyboard-booked")
    assert keys.count <= 20, keys.count
    receipt = Receipt.objects.get()
    assert receipt.lines.count() == 3 and receipt.lines.get(service=balayage).staff == lisa
    payments = sorted((p.method, p.amount) for p in receipt.payments.all())
    assert payments == [("card", receipt.total - 2000), ("cash", 2000)]
    assert receipt.staff == lisa  # responsible: who performed the service (C9 follows)
    regular.refresh_from_db()
    assert regular.regular_staff == lisa
    # the next sale starts where sales start: the customer field, with the usual staff for services again
    expect(page.get_by_label("Customer (F2)")).to_be_focused()
    expect(page.locator("[data-till-service-staff]")).to_have_value("")
    expect(page.get_by_test_id("change")).to_have_text("€0.00")


def test_exact_cash_keeps_the_change_large_until_the_next_sale(shampoo, till_page):
    page = till_page
    page.keyboard.press("F3")
    page.keyboard.type(shampoo.ean)
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("till-line")).to_have_count(1)
    page.keyboard.press("F8")
    expect(page.get_by_test_id("change")).to_have_text("€0.00")
    size = page.get_by_test_id("change").evaluate("element => parseFloat(getComputedStyle(element).fontSize)")
    assert size >= 32  # read from a step away
    booked = page.get_by_test_id("booked")
    expect(booked.get_by_role("button", name="Print receipt")).to_be_visible()
    expect(booked.get_by_role("link", name="A4 invoice")).to_be_visible()
    # the next sale's first step takes it away
    page.keyboard.press("F3")
    page.keyboard.type(shampoo.ean)
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("booked")).to_have_count(0)


def test_the_keys_are_listed_behind_the_question_mark(till_page):
    page = till_page
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("?")
    keys = page.get_by_role("dialog", name="Keys at the till")
    expect(keys).to_be_visible()
    for key in ("F2", "F3", "F4", "F6", "F7", "F8", "F9"):
        expect(keys).to_contain_text(key)
    page.keyboard.press("Escape")
    expect(keys).to_be_hidden()


def test_the_note_for_the_next_visit_is_a_dialog_and_stays_until_the_sale(regular, till_page):
    regular.popup_text, regular.popup_mode = "Bitte Allergie gegen Latex beachten", PopupMode.NEXT_VISIT
    regular.save()
    page = till_page
    page.keyboard.press("F2")
    page.keyboard.type(regular.number)
    page.keyboard.press("Enter")
    note = page.get_by_role("dialog", name="Note on this customer")
    expect(note).to_contain_text("Latex")
    page.keyboard.press("F3")  # the keys wait until the note was read
    expect(note).to_be_visible()
    page.keyboard.press("Enter")
    expect(note).to_be_hidden()
    expect(page.get_by_label("Article (F3)")).to_be_focused()
    regular.refresh_from_db()
    assert regular.popup_mode == PopupMode.NEXT_VISIT  # not marked as shown before a sale


def test_a_refusal_goes_away_when_the_cashier_types_again(shampoo, till_page):
    page = till_page
    page.keyboard.press("F3")
    page.keyboard.type("0000000000000")
    page.keyboard.press("Enter")
    error = page.locator("#till-cart [data-till-error]")
    expect(error).to_contain_text("No article found")
    page.keyboard.type("4")
    expect(error).to_have_count(0)


def test_a_normal_sale_fits_a_tablet_without_scrolling_and_every_target_is_44_px(
    regular, shampoo, conditioner, haircut, balayage, till_page
):
    page = till_page
    page.keyboard.press("F2")
    page.keyboard.type(regular.number)
    page.keyboard.press("Enter")
    expect(page.get_by_label("Article (F3)")).to_be_focused()
    for code in (shampoo.ean, conditioner.ean):  # scanned one right after the other
        page.keyboard.type(code)
        page.keyboard.press("Enter")
    page.get_by_role("button", name="Balayage €129.00").click()
    expect(page.get_by_test_id("till-line")).to_have_count(3)
    screenshot(page, "till-tablet")
    # the whole till is on the screen: nothing scrolls, neither the page nor any part of it
    overflow = page.evaluate(
        """() => [document.documentElement.scrollHeight - innerHeight,
                  document.documentElement.scrollWidth - innerWidth,
                  ...Array.from(document.querySelectorAll('.till *'))
                     .filter(e => getComputedStyle(e).overflow !== 'visible'
                                  && e.clientHeight > 1 && e.clientWidth > 1
                                  && Math.max(e.scrollHeight - e.clientHeight, e.scrollWidth - e.clientWidth) > 1)
                     .map(e => e.outerHTML.slice(0, 80))]"""
    )
    assert overflow[0] <= 0 and overflow[1] <= 0 and overflow[2:] == [], overflow
    expect(page.get_by_role("button", name="Pay", exact=True)).to_be_in_viewport()
    # every button, field and list on the till is a touch target of at least 44 px
    small = page.evaluate(
        """() => Array.from(document.querySelectorAll(
                  '.till-head button, .till-head select, .till button, .till input, .till select, .till summary'))
              .filter(e => e.offsetParent !== null && e.type !== 'hidden')
              .map(e => [e.outerHTML.slice(0, 60), e.getBoundingClientRect().height])
              .filter(([html, height]) => height < 44)"""
    )
    assert small == []
