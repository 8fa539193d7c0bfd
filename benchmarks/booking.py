"""Booking benchmark: POST /api/v1/receipts/ and the customer's receipts panel, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/booking.py --customers 20000 --db both --write-results benchmarks/results-booking.md

For each database this
  1. prepares a database with N demo customers and their purchase history (`regulars migrate`,
     `regulars demo --customers N`; --reuse keeps a loaded one), SQLite in benchmarks/data/booking-sqlite/,
     PostgreSQL in the database `regulars_booking`,
  2. gives one customer 2,000 receipts more, written in bulk (demo.receipts.create_receipts_for),
  3. starts the real server (`regulars serve --workers 4`) on 127.0.0.1,
  4. books 5-line receipts with a customer (token auth, a new Idempotency-Key per request): one client
     one request at a time (p50 latency), then 4 clients at once for --duration seconds (receipts/s),
  5. logs in through the login form and times GET /customers/<id>/ and the receipts panel
     GET /sales/customers/<id>/receipts/?page=1 for the customer with 2,000 receipts (median of 20),
  6. stops the server and runs `regulars verify-receipts`, which must exit 0.
See benchmarks/README.md.
"""

import argparse
import http.client
import json
import random
import re
import statistics
import sys
import threading
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (  # noqa: E402
    DATA,
    REGULARS,
    Server,
    Target,
    api_token,
    free_port,
    log,
    machine,
    percentile,
    prepare,
    require_local,
    run,
)

DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/regulars_booking"
REQUEST_TIMEOUT = 10.0
TARGET_P50_MS, TARGET_RPS, TARGET_PANEL_MS = 25.0, 60.0, 100.0
PANEL_RECEIPTS = 2000
LOGIN = ("admin", "regulars-admin")  # a demo login


def shell(target: Target, code: str, label: str) -> str:
    """Run Python inside the application (`regulars shell -c`); returns its output."""
    return run([str(REGULARS), "shell", "-c", code], target.env, 1800, label)[1]


FIXTURE = """
import json
from django.db.models import Count
from regulars.core.models import Shop, StaffMember
from regulars.catalog.models import Article, Service
from regulars.customers.models import Customer
from regulars.sales.models import Receipt, Till
from regulars.demo.services import ensure_shops
from regulars.demo.catalog import ensure_catalog
from regulars.demo.receipts import create_receipts_for
shop = Shop.objects.get(name="Salon Sonnenschein")
catalog = ensure_catalog(ensure_shops())
till = Till.objects.get(shop=shop, name="Kasse 1")
tills = [till] + [Till.objects.get_or_create(shop=shop, name=f"Kasse {n}")[0] for n in (2, 3, 4)]
counts = Receipt.objects.values("customer_id").annotate(n=Count("id")).filter(n__gte=PANEL)
heavy = counts.order_by("customer_id").values_list("customer_id", flat=True).first()
if heavy is None:
    heavy = Customer.objects.filter(home_shop=shop, active=True).order_by("pk").values_list("pk", flat=True).first()
    create_receipts_for(catalog=catalog, customer_id=heavy, count=PANEL)
print(json.dumps({
    "till": till.pk,
    "tills": [t.pk for t in tills],
    "staff": list(StaffMember.objects.filter(shop=shop).values_list("pk", flat=True)),
    "customers": list(
        Customer.objects.filter(home_shop=shop, active=True).exclude(pk=heavy).values_list("pk", flat=True)[:2000]
    ),
    "articles": list(Article.objects.filter(active=True, vat_rate__in=[1900, 700]).values_list("pk", flat=True)),
    "services": list(Service.objects.filter(active=True, vat_rate=1900).values_list("pk", flat=True)),
    "heavy": heavy,
    "heavy_receipts": Receipt.objects.filter(customer_id=heavy).count(),
}))
"""


def fixture(target: Target) -> dict:
    out = shell(target, FIXTURE.replace("PANEL", str(PANEL_RECEIPTS)), "fixture")
    return json.loads(out.strip().splitlines()[-1])


def receipt_body(rng: random.Random, fx: dict, till: int | None = None) -> bytes:
    lines = [{"service": rng.choice(fx["services"]), "quantity": 1}]
    lines += [{"article": rng.choice(fx["articles"]), "quantity": rng.choice((1, 1, 2))} for _ in range(4)]
    body = {
        "till": till or fx["till"],
        "staff": rng.choice(fx["staff"]),
        "customer": rng.choice(fx["customers"]),
        "lines": lines,
        "payments": [{"method": "cash", "amount": "1000.00"}],
    }
    return json.dumps(body).encode()


class Client:
    def __init__(self, port: int, token: str):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        self.headers = {"Authorization": f"Token {token}", "Content-Type": "application/json"}

    def book(self, body: bytes) -> tuple[int, float]:
        headers = {**self.headers, "Idempotency-Key": str(uuid.uuid4())}
        started = time.perf_counter()
        self.conn.request("POST", "/api/v1/receipts/", body=body, headers=headers)
        response = self.conn.getresponse()
        response.read()
        return response.status, (time.perf_counter() - started) * 1000

    def close(self):
        self.conn.close()


def single_client(port: int, token: str, fx: dict, requests: int, seed: int) -> dict:
    rng = random.Random(seed)
    client = Client(port, token)
    try:
        for _ in range(20):  # warm-up
            client.book(receipt_body(rng, fx))
        latencies, errors = [], 0
        for _ in range(requests):
            status, ms = client.book(receipt_body(rng, fx))
            latencies.append(ms)
            errors += status != 201
    finally:
        client.close()
    return {
        "n": requests,
        "errors": errors,
        "p50": percentile(latencies, 50),
        "p90": percentile(latencies, 90),
        "p99": percentile(latencies, 99),
        "max": max(latencies),
    }


def concurrent_clients(
    port: int, token: str, fx: dict, clients: int, duration: float, seed: int, own_tills: bool = False
) -> dict:
    """Clients booking at once for `duration` seconds: all on one till, or each on a till of its own."""
    results = [[] for _ in range(clients)]
    errors = [0] * clients
    deadline = time.monotonic() + duration

    def worker(index: int):
        rng = random.Random(seed + index)
        client = Client(port, token)
        try:
            while time.monotonic() < deadline:
                try:
                    till = fx["tills"][index % len(fx["tills"])] if own_tills else fx["till"]
                    status, ms = client.book(receipt_body(rng, fx, till))
                except OSError:
                    errors[index] += 1
                    client.close()
                    client = Client(port, token)
                    continue
                if status == 201:
                    results[index].append(ms)
                else:
                    errors[index] += 1
        finally:
            client.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 60)
    elapsed = time.perf_counter() - started
    latencies = [ms for per in results for ms in per]
    return {
        "clients": clients,
        "seconds": elapsed,
        "booked": len(latencies),
        "errors": sum(errors),
        "per_s": len(latencies) / elapsed,
        "p50": percentile(latencies, 50) if latencies else None,
        "p99": percentile(latencies, 99) if latencies else None,
    }


def login(port: int) -> dict:
    """A session through the login form; returns the cookies."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        conn.request("GET", "/login/")
        response = conn.getresponse()
        page = response.read().decode()
        cookies = {k: v.value for k, v in SimpleCookie(response.headers.get("Set-Cookie", "")).items()}
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urlencode({"username": LOGIN[0], "password": LOGIN[1], "csrfmiddlewaretoken": token})
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
            "Referer": f"http://127.0.0.1:{port}/login/",
        }
        conn.request("POST", "/login/", body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                cookies.update({k: v.value for k, v in SimpleCookie(value).items()})
        if response.status != 302 or "sessionid" not in cookies:
            raise SystemExit(f"login failed: {response.status}")
        return cookies
    finally:
        conn.close()


def time_pages(port: int, cookies: dict, heavy: int, repeats: int = 20) -> dict:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    pages = {
        "customer page": f"/customers/{heavy}/",
        "receipts panel, page 1": f"/sales/customers/{heavy}/receipts/?page=1",
        "receipts panel, page 5": f"/sales/customers/{heavy}/receipts/?page=5",
    }
    figures = {}
    try:
        for label, path in pages.items():
            times = []
            for i in range(repeats + 2):
                started = time.perf_counter()
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    raise SystemExit(f"GET {path} answered {response.status}")
                if i >= 2:  # two warm-up requests
                    times.append((time.perf_counter() - started) * 1000)
            figures[label] = {"median": statistics.median(times), "max": max(times)}
    finally:
        conn.close()
    return figures


def bench(target: Target, args) -> dict:
    timings = prepare(target, args.customers, args.reuse)
    fx = fixture(target)
    log(f"{target.name}: customer {fx['heavy']} has {fx['heavy_receipts']:,} receipts")
    token = api_token(target)
    port = args.port or free_port()
    with Server(target, port, args.workers):
        log(f"{target.name}: one client, {args.requests} receipts")
        single = single_client(port, token, fx, args.requests, args.seed)
        log(f"{target.name}: p50 {single['p50']:.1f} ms, p99 {single['p99']:.1f} ms, errors {single['errors']}")
        log(f"{target.name}: {args.clients} clients for {args.duration:.0f} s")
        many = concurrent_clients(port, token, fx, args.clients, args.duration, args.seed)
        log(f"{target.name}: one till: {many['per_s']:.1f} receipts/s, errors {many['errors']}")
        spread = concurrent_clients(port, token, fx, args.clients, args.duration, args.seed, own_tills=True)
        log(f"{target.name}: a till each: {spread['per_s']:.1f} receipts/s, errors {spread['errors']}")
        pages = time_pages(port, login(port), fx["heavy"])
        for label, figures in pages.items():
            log(f"{target.name}: {label}: median {figures['median']:.1f} ms")
    seconds, out = run([str(REGULARS), "verify-receipts"], target.env, 3600, "regulars verify-receipts")
    log(f"{target.name}: verify-receipts exit 0 in {seconds:.1f} s: {out.strip()}")
    return {
        "db": target.name,
        "version": target.version(),
        "timings": timings,
        "fixture": {k: fx[k] for k in ("heavy", "heavy_receipts")},
        "single": single,
        "concurrent": many,
        "spread": spread,
        "pages": pages,
        "verify": out.strip(),
        "verify_s": seconds,
    }


def markdown(results: list[dict], args) -> str:
    info = machine()
    ok = "✓"
    lines = [
        "# Booking benchmark results",
        "",
        f"- date: {info['date']}, commit {info['commit']}",
        f"- machine: {info['cpu']}, {info['nproc']} CPUs, {info['memory']}, {info['os']}, "
        f"Python {info['python']}, Django {info['django']}",
        f"- data: `regulars demo --customers {args.customers:,}` (with their purchase history); one customer "
        f"with {PANEL_RECEIPTS:,} receipts more for the panel",
        f"- server: `regulars serve --workers {args.workers}` (gunicorn, 2 threads per worker) on 127.0.0.1",
        f"- command: `.venv/bin/python benchmarks/booking.py --customers {args.customers} --db {args.db}`",
        "",
        "| | " + " | ".join(r["version"] for r in results) + " | target |",
        "|---|" + "---:|" * len(results) + "---|",
    ]

    def row(label, values, target=""):
        lines.append(f"| {label} | " + " | ".join(values) + f" | {target} |")

    row("one client: p50", [f"{r['single']['p50']:.1f} ms" for r in results], f"≤ {TARGET_P50_MS:.0f} ms")
    row("one client: p90 / p99", [f"{r['single']['p90']:.1f} / {r['single']['p99']:.1f} ms" for r in results])
    row("one client: receipts, errors", [f"{r['single']['n']}, {r['single']['errors']}" for r in results])
    for key, where in (("concurrent", "on one till"), ("spread", "a till each")):
        row(
            f"{args.clients} clients {where}: receipts/s",
            [f"{r[key]['per_s']:.1f}" for r in results],
            f"≥ {TARGET_RPS:.0f}",
        )
        row(
            f"{args.clients} clients {where}: booked, errors, seconds",
            [f"{r[key]['booked']}, {r[key]['errors']}, {r[key]['seconds']:.1f}" for r in results],
            "0 errors",
        )
        row(
            f"{args.clients} clients {where}: p50 / p99",
            [f"{r[key]['p50']:.0f} / {r[key]['p99']:.0f} ms" for r in results],
        )
    for label in results[0]["pages"]:
        target = f"≤ {TARGET_PANEL_MS:.0f} ms" if label == "receipts panel, page 1" else ""
        row(f"{label} (median of 20)", [f"{r['pages'][label]['median']:.1f} ms" for r in results], target)
    row("verify-receipts", [f"exit 0 ({r['verify_s']:.0f} s) {ok}" for r in results], "exit 0")
    row(
        "demo load",
        [f"{r['timings']['demo_s']:.0f} s" if r["timings"]["demo_s"] else "reused" for r in results],
    )
    lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--requests", type=int, default=300, help="receipts booked by the single client")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=20241123)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--pg-url", default=DEFAULT_PG_URL)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--write-results", type=Path)
    args = parser.parse_args()
    if not 20 <= args.requests <= 5000 or not 1 <= args.clients <= 16 or not 1 <= args.duration <= 300:
        raise SystemExit("--requests 20..5000, --clients 1..16, --duration 1..300")
    require_local(args.pg_url)
    results = []
    for name in ("sqlite", "postgres") if args.db == "both" else (args.db,):
        target = Target(name, DATA / f"booking-{name}", pg_url=args.pg_url)
        results.append(bench(target, args))
    (DATA / "last-booking.json").write_text(json.dumps(results, indent=2, default=str))
    text = markdown(results, args)
    print(text)
    if args.write_results:
        args.write_results.write_text(text)


if __name__ == "__main__":
    main()
