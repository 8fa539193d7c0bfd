"""Every page carries a Content Security Policy that allows no inline script; the pages still work under it."""

import re

import pytest
from django.template.loader import render_to_string
from django.test import Client

from regulars.core.tests.browser import expect, log_in


def test_every_page_carries_the_policy(cashier_client):
    anonymous = Client()
    for response in (
        anonymous.get("/login/"),
        cashier_client.get("/customers/"),
        cashier_client.get("/customers/new/"),
    ):
        assert response.status_code == 200
        policy = response.headers["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["default-src"] == "'self'"
        assert directives["script-src"] == "'self'"
        assert directives["frame-ancestors"] == "'none'"
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_the_error_page_needs_nothing_inline():
    page = render_to_string("500.html")
    assert "style=" not in page and "<script" not in page and "<style" not in page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_list_form_and_till_work_under_the_policy(page, csp_violations, cashier, till, jana, regular, haircut):
    log_in(page, cashier)
    # the customer list searches as one types (htmx)
    page.get_by_role("searchbox").fill("Müller")
    expect(page.locator("table")).to_contain_text("Käthe")
    # the customer form adds a line for another phone number (app.js)
    page.goto("/customers/new/")
    phones = page.get_by_label("phone number")
    count = phones.count()
    page.get_by_role("button", name=re.compile("phone", re.I)).first.click()
    expect(phones).to_have_count(count + 1)
    # the till books a service for the customer
    page.goto("/sales/till/")
    page.get_by_placeholder("Customer (F2): name, number or scan the card").fill(regular.number)
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Schneiden & Föhnen").click()
    expect(page.get_by_test_id("total")).to_have_text("€40.50")
    assert csp_violations == []
