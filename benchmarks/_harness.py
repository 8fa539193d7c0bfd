"""What the benchmarks share: the database under test, the real commands, the real server, percentiles.

search.py and booking.py run Regulars the way a user does (`regulars migrate`, `regulars demo`,
`regulars serve`) against SQLite or PostgreSQL and time it from outside.
"""

import http.client
import math
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
REGULARS = ROOT / ".venv" / "bin" / "regulars"
BENCH_USER = "bench"

# --------------------------------------------------------------------------------------------------- helpers


STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[{time.monotonic() - STARTED:7.1f} s] {message}", flush=True)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def summary(values: list[float]) -> dict:
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p90": percentile(values, 90),
        "p99": percentile(values, 99),
        "max": max(values),
    }


def run(args: list[str], env: dict, timeout: float, label: str) -> tuple[float, str]:
    """Run a regulars command; returns (seconds, stdout); fails loudly."""
    started = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{label} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return seconds, done.stdout


def require_local(pg_url: str) -> None:
    """The benchmarks talk to 127.0.0.1 only."""
    if urlsplit(pg_url).hostname not in {"127.0.0.1", "localhost"}:
        raise SystemExit("--pg-url must point to 127.0.0.1")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --------------------------------------------------------------------------------------------------- databases


@dataclass
class Target:
    """One database under test: how the app reaches it and how the floor queries it."""

    name: str  # "sqlite" or "postgres"
    data_dir: Path
    pg_url: str = ""
    env: dict = field(default_factory=dict)

    def __post_init__(self):
        self.env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REGULARS_DEBUG"}}
        self.env["REGULARS_DATA_DIR"] = str(self.data_dir)
        self.env["REGULARS_LOG_LEVEL"] = "WARNING"
        if self.name == "postgres":
            self.env["DATABASE_URL"] = self.pg_url

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "regulars.sqlite3"

    def connect(self):
        """A plain DB-API connection (the floor and the query builder use it, never the app)."""
        if self.name == "sqlite":
            conn = sqlite3.connect(f"file:{self.sqlite_path}?mode=ro", uri=True, check_same_thread=False)
            conn.execute("PRAGMA cache_size=-65536")  # as the app's settings
            conn.execute("PRAGMA temp_store=MEMORY")
            return conn
        import psycopg

        return psycopg.connect(self.pg_url, autocommit=True, prepare_threshold=None)

    def sql(self, text: str) -> str:
        return text.replace("%s", "?") if self.name == "sqlite" else text

    def customers(self) -> int:
        try:
            conn = self.connect()
        except Exception:
            return -1
        try:
            return conn.execute("SELECT count(*) FROM customers_customer").fetchone()[0]
        except Exception:
            return -1
        finally:
            conn.close()

    def reset(self) -> None:
        """An empty database and a clean data folder (the secret key is kept)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(self.data_dir / "static", ignore_errors=True)
        if self.name == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.sqlite_path}{suffix}").unlink(missing_ok=True)
            return
        import psycopg

        parts = urlsplit(self.pg_url)
        dbname = parts.path.lstrip("/")
        admin = parts._replace(path="/postgres").geturl()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{dbname}"')

    def ensure_database(self) -> None:
        if self.name != "postgres":
            return
        import psycopg

        parts = urlsplit(self.pg_url)
        dbname = parts.path.lstrip("/")
        with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname]).fetchone():
                conn.execute(f'CREATE DATABASE "{dbname}"')

    def version(self) -> str:
        if self.name == "sqlite":
            return f"SQLite {sqlite3.sqlite_version}"
        with self.connect() as conn:
            return "PostgreSQL " + conn.execute("SHOW server_version").fetchone()[0].split()[0]


def prepare(target: Target, customers: int, reuse: bool) -> dict:
    """Load N demo customers with the real commands; returns the timings."""
    timings = {"migrate_s": None, "demo_s": None, "reused": False}
    target.ensure_database()
    if reuse and target.customers() == customers:
        log(f"{target.name}: reusing the database with {customers:,} customers")
        timings["reused"] = True
    else:
        log(f"{target.name}: fresh database, migrate")
        target.reset()
        timings["migrate_s"], _ = run([str(REGULARS), "migrate", "-v0"], target.env, 600, "regulars migrate")
        log(f"{target.name}: regulars demo --customers {customers:,} ...")
        timings["demo_s"], out = run(
            [str(REGULARS), "demo", "--customers", str(customers)], target.env, 3600, "regulars demo"
        )
        log(f"{target.name}: demo loaded in {timings['demo_s']:.1f} s")
    run([str(REGULARS), "migrate", "-v0"], target.env, 600, "regulars migrate")  # reused data, newer migrations
    return timings


#: the demo's German salon, where the benchmark's cashier works and books
BENCH_SHOP = "Salon Sonnenschein"


def api_token(target: Target) -> str:
    password = f"bench-{secrets.token_hex(12)}"
    check = subprocess.run(
        [str(REGULARS), "token", BENCH_USER], env=target.env, capture_output=True, text=True, timeout=120, check=False
    )
    if check.returncode != 0:
        run([str(REGULARS), "createuser", BENCH_USER, "--role", "cashier", "--password", password,
             "--shop", BENCH_SHOP], target.env, 120, "regulars createuser")  # fmt: skip
    _, out = run([str(REGULARS), "token", BENCH_USER], target.env, 120, "regulars token")
    return out.split()[-1]


# --------------------------------------------------------------------------------------------------- server


class Server:
    """`regulars serve --port P --workers W` as a child process; stopped on exit, whatever happens."""

    def __init__(self, target: Target, port: int, workers: int = 1):
        self.target, self.port, self.proc, self.workers = target, port, None, workers
        self.log_path = target.data_dir / "server.log"

    def __enter__(self):
        self.log_file = open(self.log_path, "w")  # noqa: SIM115 - closed in __exit__
        self.proc = subprocess.Popen(
            [str(REGULARS), "serve", "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(self.workers)],
            env=self.target.env, cwd=ROOT, stdout=self.log_file, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"the server stopped at once, see {self.log_path}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/api/v1/customers/")
                conn.getresponse().read()
                conn.close()
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__(None, None, None)
        raise SystemExit(f"the server did not answer within 120 s, see {self.log_path}")

    def __exit__(self, *exc):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # gunicorn's master stops its worker
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.log_file.close()


def machine() -> dict:
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    mem = re.search(r"MemTotal:\s+(\d+)", meminfo)
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    cpu = re.search(r"model name\s*:\s*(.+)", cpuinfo)
    import django

    return {
        "date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "nproc": os.cpu_count(),
        "cpu": cpu.group(1).strip() if cpu else platform.processor(),
        "memory": f"{int(mem.group(1)) / 1024 / 1024:.1f} GiB" if mem else "?",
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip(),  # fmt: skip
    }
