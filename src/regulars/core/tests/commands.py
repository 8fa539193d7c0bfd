"""Running `regulars` as an operator does: each command a process of its own, with only the given environment.

Loaded as a plugin by the root conftest.py; tests import the helpers from here (never from another test module).
"""

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

REGULARS = Path(sys.executable).with_name("regulars")
COMMAND_TIMEOUT = 180
SERVE_TIMEOUT = 60


def regulars_command() -> list[str]:
    """The console script next to this Python, or `python -m regulars` when it is not installed as one."""
    return [str(REGULARS)] if REGULARS.exists() else [sys.executable, "-m", "regulars"]


def command_env(data_dir: Path, database_url: str | None = None, **variables: str) -> dict[str, str]:
    """The environment of an installation in DATA_DIR: none of the caller's REGULARS_* or DATABASE_URL.

    English unless REGULARS_LANGUAGE is given; further REGULARS_* variables as keywords.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("REGULARS_") and key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update({"REGULARS_DATA_DIR": str(data_dir), "REGULARS_LANGUAGE": "en", **variables})
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def regulars(*args: str, env: dict[str, str], prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """Run `regulars ARGS` (after PREFIX, a command that runs it, e.g. in a namespace of its own)."""
    return subprocess.run(
        [*prefix, *regulars_command(), *args], env=env, capture_output=True, text=True, timeout=COMMAND_TIMEOUT
    )


def ok(*args: str, env: dict[str, str]) -> str:
    """The output of `regulars ARGS`, which must succeed."""
    result = regulars(*args, env=env)
    assert result.returncode == 0, f"regulars {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def shell(script: str, *, env: dict[str, str]) -> str:
    """The last line `regulars shell -c SCRIPT` prints."""
    return ok("shell", "--verbosity", "0", "-c", script, env=env).splitlines()[-1]


def one_line(result: subprocess.CompletedProcess) -> str:
    """The one line a failed command printed, which must be all it printed: no traceback."""
    assert result.returncode != 0, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def read_only(folder: Path) -> tuple[str, ...]:
    """A command prefix under which FOLDER cannot be written, not even by root.

    For root, a read-only bind mount in a mount namespace of its own (as a read-only mounted backup); for anyone
    else the folder is made 0500.
    """
    if os.geteuid() != 0:
        folder.chmod(0o500)
        return ()
    prefix = ("unshare", "--mount", "--", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"', str(folder))
    if subprocess.run([*prefix, "true"], capture_output=True, timeout=30).returncode != 0:
        pytest.skip("no mount namespace here to make a folder read-only for root")
    return prefix


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    """End the process and its workers (its own session), forcibly when it does not stop in time."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@contextmanager
def serving(env: dict[str, str], log_path: Path, *options: str):
    """`regulars serve [OPTIONS]` on a free port with one worker; yields its base URL, stopped (with its workers)."""
    port = free_port()
    with log_path.open("w+") as log:
        process = subprocess.Popen(
            [*regulars_command(), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1", *options],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + SERVE_TIMEOUT
            while True:
                if process.poll() is not None:
                    log.seek(0)
                    pytest.fail(f"regulars serve ended with {process.returncode}:\n{log.read()}")
                try:
                    requests.get(f"{base}/api/v1/customers/", timeout=5)
                    break
                except (requests.ConnectionError, requests.Timeout):  # not up yet, or its first answer is slow
                    if time.monotonic() > deadline:
                        log.seek(0)
                        pytest.fail(f"regulars serve did not answer within {SERVE_TIMEOUT} s:\n{log.read()}")
                    time.sleep(0.2)
            yield base
        finally:
            _stop(process)
