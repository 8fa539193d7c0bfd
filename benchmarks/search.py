"""Quick search benchmark: the customer API against the bare indexed SQL, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/search.py --customers 1000000 --db both --write-results benchmarks/results.md

For each database this
  1. prepares a fresh database with N demo customers through the real commands
     (`regulars migrate`, `regulars demo --customers N`, both timed; --reuse keeps a loaded one),
     SQLite in benchmarks/data/sqlite/, PostgreSQL in the database `regulars_bench` (created when missing),
  2. creates a cashier with `regulars createuser` and reads its token with `regulars token`,
  3. starts the real server (`regulars serve --port P --workers 1`) on 127.0.0.1,
  4. builds realistic queries from the data itself: name prefixes with and without umlauts ("Müll",
     "Mueller", "schmi", "anna mü", "jan de v"), phone fragments in national and international
     formats ("0151 2345", "+49 151 23") and full and partial customer numbers,
  5. sends each as GET /api/v1/customers/?q=... over one keep-alive connection (a warm-up pass first),
  6. runs the floor for the same inputs: the bare indexed range query on customers_searchkey with the
     same range, word filters and LIMIT, straight through sqlite3 / psycopg,
and prints p50/p90/p99/max of both and their ratio. The server is always stopped at the end.
See benchmarks/README.md.
"""

import argparse
import http.client
import json
import os
import random
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (
    DATA,
    Server,
    Target,
    api_token,
    free_port,
    log,
    machine,
    percentile,
    prepare,
    require_local,
    summary,
)  # noqa: E402

DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/regulars_bench"
PAGE_SIZE = 25  # REST_FRAMEWORK["PAGE_SIZE"]
COUNT_LIMIT = 1001  # COUNT_CAP + 1 rows are counted by the capped paginator
REQUEST_TIMEOUT = 10.0  # seconds for one HTTP request
TARGET_P50_MS, TARGET_P99_MS = 10.0, 30.0


# --------------------------------------------------------------------------------------------------- queries

UMLAUT_SPELLINGS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}


def transliterate(text: str) -> str:
    """ "Müller" -> "Mueller", "Groß" -> "Gross": the spelling of a keyboard without umlauts."""
    return "".join(UMLAUT_SPELLINGS.get(c, c) for c in text)


def strip_marks(text: str) -> str:
    """ "Müller" -> "Muller": umlauts typed without their dots."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).replace("ß", "ss")


def name_prefix(rng: random.Random, name: str, least: int = 3) -> str:
    """A prefix of 3+ letters as typed, in the case a cashier might use."""
    cut = rng.randint(min(least, len(name)), len(name))
    text = name[:cut]
    return rng.choice([text, text, text.lower(), text.upper()]) if rng.random() < 0.5 else text


def phone_fragment(rng: random.Random, e164: str) -> tuple[str, str]:
    """A phone number typed in part: national "0151 2345", international "+49 151 23" or "0049 151 234"."""
    country, rest = ("49", e164[3:]) if e164.startswith("+49") else ("31", e164[3:])
    area_len = 3 if country == "49" else 1
    area, subscriber = rest[:area_len], rest[area_len:]
    length = rng.randint(2, len(subscriber))
    part = subscriber[:length]
    if len(part) > 4 and rng.random() < 0.5:
        part = f"{part[:4]} {part[4:]}"
    style = rng.choice(["national", "national", "international", "international00"])
    if style == "national":
        return "phone_national", f"0{area} {part}" if rng.random() < 0.8 else f"0{area}/{part}"
    if style == "international":
        return "phone_international", f"+{country} {area} {part}"
    return "phone_international", f"00{country} {area} {part}"


def build_queries(target: Target, count: int, seed: int) -> list[tuple[str, str]]:
    """`count` (kind, text) queries made from a random sample of the stored customers."""
    rng = random.Random(seed)
    conn = target.connect()
    try:
        low, high = conn.execute("SELECT min(id), max(id) FROM customers_customer").fetchone()
        ids = sorted({rng.randint(low, high) for _ in range(count * 3)})
        marks = ", ".join(["%s"] * len(ids))
        rows = conn.execute(
            target.sql(f"SELECT id, number, first_name, last_name FROM customers_customer WHERE id IN ({marks})"),  # noqa: S608
            ids,
        ).fetchall()
        phones = dict(
            conn.execute(
                target.sql(f"SELECT customer_id, number FROM customers_customerphone WHERE customer_id IN ({marks})"),  # noqa: S608
                ids,
            ).fetchall()
        )
    finally:
        conn.close()
    rng.shuffle(rows)
    umlaut_rows = [r for r in rows if re.search("[äöüßÄÖÜ]", r[3])]
    phone_rows = [r for r in rows if r[0] in phones]
    kinds = [
        ("name_prefix", 0.18), ("name_umlaut", 0.12), ("name_transliterated", 0.12), ("first_last", 0.12),
        ("last_first", 0.06), ("phone", 0.20), ("number_full", 0.10), ("number_partial", 0.10),
    ]  # fmt: skip
    queries: list[tuple[str, str]] = []
    for i in range(count):
        kind = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
        _id, number, first, last = rows[i % len(rows)]
        if kind in ("name_umlaut", "name_transliterated"):
            _id, number, first, last = umlaut_rows[i % len(umlaut_rows)]
        if kind == "phone":
            _id, number, first, last = phone_rows[i % len(phone_rows)]
        if kind == "name_prefix":
            text = name_prefix(rng, last)
        elif kind == "name_umlaut":  # the umlaut as stored: "Müll", "Schrö", "Groß"
            first_mark = re.search("[äöüßÄÖÜ]", last).start()
            text = last[: rng.randint(max(3, first_mark + 1), len(last))]
        elif kind == "name_transliterated":  # "Mueller", "Muller", "MUELLER", "schroed"
            spelled = rng.choice([transliterate, strip_marks])(last)
            text = name_prefix(rng, spelled, least=min(len(spelled), 4))
        elif kind == "first_last":  # "anna mü", "jan de v", "Sophie Schm"
            text = f"{first} {last[: rng.randint(1, len(last))]}"
            text = text.lower() if rng.random() < 0.5 else text
        elif kind == "last_first":  # "mueller anna", "de vries jan"
            spelled = transliterate(last) if rng.random() < 0.5 else last
            text = f"{spelled} {first[: rng.randint(1, len(first))]}".lower()
        elif kind == "phone":
            kind, text = phone_fragment(rng, phones[_id])
        elif kind == "number_full":
            text = number
        else:
            text = number[: rng.randint(4, len(number) - 1)]
        queries.append((kind, text))
    return queries


# --------------------------------------------------------------------------------------------------- measuring


def api_pass(port: int, token: str, queries: list[tuple[str, str]]) -> tuple[list[float], list[dict]]:
    """Every query once over one keep-alive connection; latency in ms and the answers."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    headers = {"Authorization": f"Token {token}", "Accept": "application/json", "Connection": "keep-alive"}
    latencies, answers = [], []
    try:
        for _kind, text in queries:
            started = time.perf_counter()
            conn.request("GET", f"/api/v1/customers/?q={quote(text)}", headers=headers)
            response = conn.getresponse()
            body = response.read()
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status != 200:
                raise SystemExit(f"GET ?q={text!r} answered {response.status}: {body[:300]!r}")
            data = json.loads(body)
            results = data["results"]
            numbers = [r["number"] for r in results]
            answer = {"count": data["count"], "exact": data["count_is_exact"], "numbers": numbers}
            answers.append({**answer, "first": results[:1]})
    finally:
        conn.close()
    return latencies, answers


def detail_check(port: int, token: str, answers: list[dict], limit: int = 40) -> tuple[int, int]:
    """The first customer of a search result, as listed, against GET /api/v1/customers/<id>/ (not timed).

    The list has its own fast way of showing customers; it must show them exactly as the detail does.
    Returns (compared, different).
    """
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    headers = {"Authorization": f"Token {token}", "Accept": "application/json"}
    compared = different = 0
    try:
        for answer in answers:
            if not answer["first"] or compared >= limit:
                continue
            listed = answer["first"][0]
            conn.request("GET", f"/api/v1/customers/{listed['id']}/", headers=headers)
            response = conn.getresponse()
            detail = json.loads(response.read())
            compared += 1
            different += detail != listed
    finally:
        conn.close()
    return compared, different


def floor_statements(target: Target, parsed) -> tuple[str, str, list]:
    """The bare indexed query behind one search: the page (LIMIT 25) and the capped count (LIMIT 1001)."""
    where = "key >= %s AND key < %s"
    params: list = [parsed.prefix, parsed.upper]
    for word in parsed.words:
        where += " AND key LIKE %s"
        params.append(f"% {word}%")
    # only placeholders and constants are put into the text; the typed words travel as parameters
    page = f"SELECT customer_id, key FROM customers_searchkey WHERE {where} ORDER BY key, customer_id LIMIT {PAGE_SIZE}"  # noqa: S608
    capped = f"SELECT count(*) FROM (SELECT 1 FROM customers_searchkey WHERE {where} LIMIT {COUNT_LIMIT}) AS capped"  # noqa: S608
    return target.sql(page), target.sql(capped), params


def floor_pass(target: Target, conn, statements: list) -> tuple[list[float], list[float]]:
    page_ms, both_ms = [], []
    for page, capped, params in statements:
        if page is None:  # nothing to search: the app lists everyone, no floor
            continue
        started = time.perf_counter()
        conn.execute(page, params).fetchall()
        middle = time.perf_counter()
        conn.execute(capped, params).fetchall()
        ended = time.perf_counter()
        page_ms.append((middle - started) * 1000)
        both_ms.append((ended - started) * 1000)
    return page_ms, both_ms


def parser_of(target: Target):
    """The application's own query parser, so that the floor searches exactly what the API searches."""
    os.environ.update({"DJANGO_SETTINGS_MODULE": "regulars.settings", "REGULARS_DATA_DIR": str(target.data_dir)})
    import django

    django.setup()
    from regulars.customers.search import parse

    return parse


def plans(target: Target, conn, statements: list, queries: list) -> list[str]:
    """The query plan of the floor for the first query of each kind (for the record)."""
    seen, lines = set(), []
    for (kind, text), (page, _capped, params) in zip(queries, statements, strict=True):
        if kind in seen or page is None:
            continue
        seen.add(kind)
        explain = "EXPLAIN QUERY PLAN " if target.name == "sqlite" else "EXPLAIN "
        plan = " / ".join(str(row[-1]) for row in conn.execute(explain + page, params).fetchall())
        plan = plan.replace("\x7f", "\\x7f")  # the end of the range, visible
        lines.append(f"{kind:20} {text!r:24} {plan}")
    return lines


def bench(target: Target, args) -> dict:
    result = {"db": target.name, "customers": args.customers}
    result.update(prepare(target, args.customers, args.reuse))
    result["version"] = target.version()
    token = api_token(target)
    queries = build_queries(target, args.queries, args.seed)
    parse = parser_of(target)
    statements = []
    for _kind, text in queries:
        parsed = parse(text)
        statements.append(floor_statements(target, parsed) if parsed else (None, None, None))
    port = args.port or free_port()
    log(f"{target.name}: {len(queries)} queries, server on 127.0.0.1:{port}")
    with Server(target, port):
        api_pass(port, token, queries)  # warm-up
        api_ms, answers = [], []
        for _ in range(args.rounds):
            latencies, answers = api_pass(port, token, queries)
            api_ms.extend(latencies)
        result["detail_compared"], result["detail_different"] = detail_check(port, token, answers)
    conn = target.connect()
    try:
        floor_pass(target, conn, statements)  # warm-up
        floor_page, floor_count = [], []
        for _ in range(args.rounds):
            page, both = floor_pass(target, conn, statements)
            floor_page.extend(page)
            floor_count.extend(both)
        result["plans"] = plans(target, conn, statements, queries)
    finally:
        conn.close()
    by_kind = defaultdict(list)
    for (kind, _text), ms in zip(queries * args.rounds, api_ms, strict=True):
        by_kind[kind].append(ms)
    misses = [text for (kind, text), a in zip(queries, answers, strict=True)
              if kind == "number_full" and text not in a["numbers"][:1]]  # fmt: skip
    result.update(
        queries=len(queries), rounds=args.rounds,
        api=summary(api_ms), floor=summary(floor_page), floor_count=summary(floor_count),
        kinds={k: {"n": len(v) // args.rounds, "p50": percentile(v, 50), "p99": percentile(v, 99)}
               for k, v in sorted(by_kind.items())},
        empty=sum(1 for a in answers if a["count"] == 0),
        capped=sum(1 for a in answers if not a["exact"]),
        number_misses=misses,
        examples=[text for _kind, text in queries[:24]],
    )  # fmt: skip
    return result


# --------------------------------------------------------------------------------------------------- report


def verdict(stats: dict) -> str:
    ok = stats["p50"] <= TARGET_P50_MS and stats["p99"] <= TARGET_P99_MS
    return "meets" if ok else "MISSES"


def report(result: dict) -> str:
    api, floor, capped = result["api"], result["floor"], result["floor_count"]
    lines = [
        f"== {result['db']} ({result['version']}), {result['customers']:,} customers, "
        f"{result['queries']} queries x {result['rounds']} rounds ==",
    ]
    if result["reused"]:
        lines.append("demo load: reused an existing database (run without --reuse to time it)")
    else:
        lines.append(f"migrate {result['migrate_s']:.1f} s, demo load {result['demo_s']:.1f} s "
                     f"({'under' if result['demo_s'] < 300 else 'OVER'} the 5 minutes)")  # fmt: skip
    lines.append(f"{'ms':28} {'p50':>8} {'p90':>8} {'p99':>8} {'max':>8}")
    for label, stats in (("API GET /customers/?q=", api), ("floor: page (LIMIT 25)", floor),
                         ("floor: page + capped count", capped)):  # fmt: skip
        lines.append(f"{label:28} " + " ".join(f"{stats[k]:8.2f}" for k in ("p50", "p90", "p99", "max")))
    lines.append(f"{'ratio API / floor page':28} {api['p50'] / floor['p50']:8.1f} {api['p90'] / floor['p90']:8.1f} "
                 f"{api['p99'] / floor['p99']:8.1f} {api['max'] / floor['max']:8.1f}")  # fmt: skip
    lines.append(f"target p50 <= {TARGET_P50_MS:g} ms, p99 <= {TARGET_P99_MS:g} ms: API {verdict(api)}")
    lines.append(
        "API by kind of query (ms):  "
        + ", ".join(f"{k} n={v['n']} p50={v['p50']:.1f} p99={v['p99']:.1f}" for k, v in result["kinds"].items())
    )
    lines.append(f"answers: {result['empty']} empty, {result['capped']} capped at 1000, "
                 f"{len(result['number_misses'])} full customer numbers not found first; "
                 f"{result['detail_different']} of {result['detail_compared']} listed customers differ from "
                 "their detail")  # fmt: skip
    lines.append("floor plans: " + "\n             ".join(result["plans"]))
    return "\n".join(lines)


def markdown(results: list[dict], info: dict, command: str) -> str:
    out = [
        "# Quick search benchmark: latest results",
        "",
        f"Produced by `{command}` (see README.md). Latencies in milliseconds, nearest-rank percentiles over "
        "every measured request; the machine is shared and noisy, so read medians and ratios.",
        "",
        "## Machine",
        "",
        f"- date: {info['date']}, commit {info['commit']} (plus the working tree)",
        f"- nproc: {info['nproc']}, CPU: {info['cpu']}, memory: {info['memory']}",
        f"- {info['os']}",
        f"- Python {info['python']}, Django {info['django']}, " + ", ".join(r["version"] for r in results),
        "",
        "## Demo load (`regulars demo --customers N`, fresh database, after `regulars migrate`)",
        "",
        "| database | customers | migrate | demo load | under 5 min |",
        "|---|---:|---:|---:|---|",
    ]
    for r in results:
        if r["reused"]:
            out.append(f"| {r['version']} | {r['customers']:,} | reused | reused | not measured |")
        else:
            out.append(f"| {r['version']} | {r['customers']:,} | {r['migrate_s']:.1f} s | {r['demo_s']:.1f} s "
                       f"| {'yes' if r['demo_s'] < 300 else 'NO'} |")  # fmt: skip
    out += [
        "",
        "## Search: API against the floor",
        "",
        "API = `GET /api/v1/customers/?q=...` through `regulars serve --workers 1`, one keep-alive connection, "
        "token authentication, page of 25 with the capped count. Floor = the bare indexed range query on "
        "`customers_searchkey` for the same parsed input (page: `ORDER BY key, customer_id LIMIT 25`; "
        "page + count: plus `count(*)` over `LIMIT 1001`), straight through sqlite3 / psycopg.",
        "",
        "| database | measured | p50 | p90 | p99 | max | target (p50 ≤ 10, p99 ≤ 30) |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        for label, key in (("API", "api"), ("floor: page", "floor"), ("floor: page + count", "floor_count")):
            s = r[key]
            mark = verdict(s) if key == "api" else ""
            out.append(f"| {r['db']} | {label} | {s['p50']:.2f} | {s['p90']:.2f} | {s['p99']:.2f} | {s['max']:.2f} "
                       f"| {mark} |")  # fmt: skip
        a, f = r["api"], r["floor"]
        out.append(f"| {r['db']} | ratio API / floor page | {a['p50'] / f['p50']:.1f}× | {a['p90'] / f['p90']:.1f}× "
                   f"| {a['p99'] / f['p99']:.1f}× | {a['max'] / f['max']:.1f}× | |")  # fmt: skip
    out += ["", "## API by kind of query (ms)", ""]
    out += ["| database | kind | queries | p50 | p99 |", "|---|---|---:|---:|---:|"]
    for r in results:
        for kind, v in r["kinds"].items():
            out.append(f"| {r['db']} | {kind} | {v['n']} | {v['p50']:.2f} | {v['p99']:.2f} |")
    out += ["", "## Checks", ""]
    for r in results:
        out.append(f"- {r['db']}: {r['queries']} queries × {r['rounds']} measured rounds after one warm-up round; "
                   f"{r['empty']} found nothing, {r['capped']} hit the count cap of 1000, "
                   f"{len(r['number_misses'])} full customer numbers not listed first; "
                   f"{r['detail_different']} of {r['detail_compared']} listed customers differ from "
                   "`GET /api/v1/customers/<id>/`.")  # fmt: skip
    out += ["", "Example queries: " + ", ".join(f"`{q}`" for q in results[0]["examples"]), ""]
    out += ["## Floor query plans (first query of each kind)", ""]
    for r in results:
        out.append(f"{r['db']}:")
        out.append("")
        out += [f"    {line}" for line in r["plans"]]
        out.append("")
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=1_000_000, help="demo customers (default 1,000,000)")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--queries", type=int, default=400, help="queries per pass, at least 300 (default 400)")
    parser.add_argument("--rounds", type=int, default=2, help="measured passes after the warm-up (default 2)")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--port", type=int, default=0, help="server port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_PG_URL))
    parser.add_argument("--reuse", action="store_true", help="keep a database that holds N customers already")
    parser.add_argument("--write-results", metavar="PATH", help="write the figures as Markdown, e.g. results.md")
    args = parser.parse_args(argv)
    if not 300 <= args.queries <= 5000 or not 1 <= args.rounds <= 10:
        parser.error("--queries takes 300 to 5000, --rounds 1 to 10")
    require_local(args.pg_url)
    names = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    results = []
    for name in names:
        target = Target(name, DATA / name, pg_url=args.pg_url)
        result = bench(target, args)
        print(report(result), flush=True)
        results.append(result)
        (DATA / f"last-{name}.json").write_text(json.dumps(result, indent=1))
    if args.write_results:
        command = "benchmarks/search.py " + " ".join(argv if argv is not None else sys.argv[1:])
        Path(args.write_results).write_text(markdown(results, machine(), command))
        log(f"wrote {args.write_results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
