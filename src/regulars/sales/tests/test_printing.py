"""Reprinting a receipt on the till's printer (R6): ESC/POS in CP858 to a real TCP listener, the page and the API."""

import socket
import socketserver
import threading

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from regulars.catalog.models import Discount
from regulars.sales.printing import WIDTH, PrinterError, print_receipt, receipt_lines
from regulars.sales.services import LineInput, PaymentInput, book_receipt, cancel_receipt

SELECT_CP858 = b"\x1bt\x13"  # ESC t 19
CUT = b"\x1dV"  # GS V


class _Collect(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.settimeout(5)
        chunks = []
        while True:
            try:
                data = self.request.recv(4096)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        self.server.received.append(b"".join(chunks))
        self.server.done.set()


class Listener(socketserver.ThreadingTCPServer):
    """A receipt printer stand-in on 127.0.0.1: collects what each connection sends."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Collect)
        self.received: list[bytes] = []
        self.done = threading.Event()

    @property
    def port(self) -> int:
        return self.server_address[1]

    def printed(self) -> bytes:
        assert self.done.wait(5), "nothing arrived at the printer"
        return b"".join(self.received)


@pytest.fixture
def listener():
    server = Listener()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _connect(till, port):
    till.printer_host, till.printer_port = "127.0.0.1", port
    till.save()
    return till


@pytest.fixture
def jurgen(make_customer, shop_de):
    return make_customer(
        first_name="Jürgen",
        last_name="Müller",
        service_discount=Discount.objects.create(
            shop=shop_de, name="Stammkunde", applies_to="services", kind="percent", percent=1000
        ),
        article_discount=Discount.objects.create(
            shop=shop_de, name="Zwei Euro", applies_to="articles", kind="amount", amount=200
        ),
    )


@pytest.fixture
def sale(till, jana, jurgen, haircut, shampoo):
    """45,00 − 10 % and 2 × 12,50 − 2,00: 63,50, paid with 70,00 in cash."""
    till.shop.street, till.shop.postcode, till.shop.vat_id = "Domstraße 5", "50667", "DE123456788"
    till.shop.save()
    return book_receipt(
        till=till,
        staff=jana,
        customer=jurgen,
        lines=[LineInput(service=haircut), LineInput(article=shampoo, quantity=2)],
        payments=[PaymentInput(method="cash", amount=7000)],
    )


def test_the_copy_names_shop_customer_lines_vat_and_payments(sale):
    # when
    lines = receipt_lines(sale)
    text = "\n".join(lines)
    # then
    assert all(len(line) <= WIDTH for line in lines)
    for expected in ("Salon Sonnenschein", "Domstraße 5", "DE123456788", "KOPIE", "Kasse 1", "Jana Krüger"):
        assert expected in text
    assert sale.customer_number in text and "Jürgen Müller" in text
    assert "1 × Schneiden & Föhnen" in text and "2 × Shampoo Repair (Wella)" in text
    assert any(line.startswith("  Zwei Euro") and line.endswith("-2,00") for line in lines)
    assert any(line.startswith("SUMME") and line.endswith("63,50 €") for line in lines)
    assert any(line.startswith("19 %") and line.endswith("63,50") for line in lines)  # net, VAT, gross
    assert any(line.endswith("70,00") for line in lines) and any(line.endswith("6,50") for line in lines)


def test_the_copy_is_in_the_shops_language(sale):
    sale.till.shop.language = "en"
    sale.till.shop.save()
    text = "\n".join(receipt_lines(sale))
    assert "COPY" in text and "TOTAL" in text and "€63.50" in text


def test_a_cancellation_names_the_receipt_it_cancels(sale, jana):
    cancellation = cancel_receipt(receipt=sale, staff=jana)
    text = "\n".join(receipt_lines(cancellation))
    assert f"Storno zu Beleg {sale.number}" in text
    assert "-63,50 €" in text


def test_a_deviating_vat_treatment_is_noted(till, jana, make_customer, haircut):
    company = make_customer(first_name="", last_name="", company="Blumen Schmitz GmbH", vat_treatment="net")
    receipt = book_receipt(
        till=till,
        staff=jana,
        customer=company,
        lines=[LineInput(service=haircut)],
        payments=[PaymentInput("card", 3782)],
    )
    assert "Abweichende Ust: netto Rechnung" in "\n".join(receipt_lines(receipt))


def test_printing_sends_cp858_text_and_a_cut(sale, listener, cashier):
    # given
    _connect(sale.till, listener.port)
    # when
    print_receipt(receipt=sale, user=cashier)
    # then
    data = listener.printed()
    assert SELECT_CP858 in data
    assert "Jürgen Müller".encode("cp858") in data and b"J\x81rgen M\x81ller" in data
    assert b"63,50 \xd5" in data  # "€" is 0xD5 in CP858
    assert data.rstrip(b"\n").endswith(CUT + b"\x00")
    assert data.index(SELECT_CP858) < data.index(b"Salon Sonnenschein")


def test_an_unreachable_printer_is_named_in_the_error(sale, closed_port, cashier):
    _connect(sale.till, closed_port)
    with pytest.raises(PrinterError, match=f"127.0.0.1:{closed_port}"):
        print_receipt(receipt=sale, user=cashier)


def test_a_till_without_printer_says_so(sale, cashier):
    with translation.override("en"), pytest.raises(PrinterError, match="Till Kasse 1 has no receipt printer"):
        print_receipt(receipt=sale, user=cashier)


def test_the_receipts_panel_has_a_print_button(sale, cashier_client, jurgen):
    response = cashier_client.get(f"/sales/customers/{jurgen.pk}/receipts/")
    assert f'hx-post="/sales/receipts/{sale.pk}/print/"' in response.content.decode()


def test_a_cashier_prints_from_the_page(sale, listener, cashier_client):
    _connect(sale.till, listener.port)
    response = cashier_client.post(f"/sales/receipts/{sale.pk}/print/")
    assert response.status_code == 200
    assert "Printed on Kasse 1." in response.content.decode()
    assert "Jürgen Müller".encode("cp858") in listener.printed()


def test_the_page_shows_why_printing_failed(sale, closed_port, cashier_client):
    _connect(sale.till, closed_port)
    response = cashier_client.post(f"/sales/receipts/{sale.pk}/print/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'role="alert"' in content and f"127.0.0.1:{closed_port}" in content


def test_an_anonymous_user_cannot_print(sale, listener, client):
    _connect(sale.till, listener.port)
    response = client.post(f"/sales/receipts/{sale.pk}/print/")
    assert response.status_code == 302 and "/login" in response["Location"]
    assert APIClient().post(f"/api/v1/receipts/{sale.pk}/print/").status_code in (401, 403)
    assert not listener.done.wait(0.3)


def test_the_api_prints(sale, listener, api):
    _connect(sale.till, listener.port)
    response = api.post(f"/api/v1/receipts/{sale.pk}/print/")
    assert response.status_code == 200, response.content
    assert response.json() == {"detail": "Printed on Kasse 1."}
    assert b"63,50 \xd5" in listener.printed()


def test_the_api_answers_503_when_the_printer_is_unreachable(sale, closed_port, api):
    _connect(sale.till, closed_port)
    response = api.post(f"/api/v1/receipts/{sale.pk}/print/")
    assert response.status_code == 503
    assert f"127.0.0.1:{closed_port}" in response.json()["detail"]
