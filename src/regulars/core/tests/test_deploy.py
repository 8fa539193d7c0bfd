"""The production settings (REGULARS_HTTPS=1) pass Django's deployment checks without a single warning."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

REGULARS = Path(sys.executable).with_name("regulars")


def regulars_command() -> list[str]:
    """The console script next to this Python, or `python -m regulars` when it is not installed as one."""
    return [str(REGULARS)] if REGULARS.exists() else [sys.executable, "-m", "regulars"]


def run_regulars(*args: str, data_dir: Path, **env_vars: str) -> subprocess.CompletedProcess:
    """Run `regulars ARGS` with only the given REGULARS_* variables (and SQLite in DATA_DIR)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("REGULARS_") and key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(REGULARS_DATA_DIR=str(data_dir), **env_vars)
    return subprocess.run([*regulars_command(), *args], env=env, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_with_https(tmp_path):
    result = run_regulars(
        "check", "--deploy", "--fail-level", "WARNING",
        data_dir=tmp_path,
        REGULARS_HTTPS="1",
        REGULARS_SECRET_KEY=secrets.token_urlsafe(64),
        REGULARS_ALLOWED_HOSTS="regulars.example",
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
    assert "WARNINGS:" not in output, output


def test_plain_http_stays_usable_without_https(tmp_path):
    """Without REGULARS_HTTPS nothing insists on HTTPS: no redirect, no HSTS, cookies also over plain HTTP."""
    script = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    result = run_regulars("shell", "--verbosity", "0", "-c", script, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["False", "0", "False", "False"], result.stdout
    assert run_regulars("check", data_dir=tmp_path).returncode == 0
