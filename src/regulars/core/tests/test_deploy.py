"""The production settings (REGULARS_HTTPS=1) pass Django's deployment checks without a single warning."""

import secrets
import subprocess
from pathlib import Path

from regulars.core.tests.commands import command_env, regulars


def run_regulars(*args: str, data_dir: Path, **env_vars: str) -> subprocess.CompletedProcess:
    """Run `regulars ARGS` with only the given REGULARS_* variables (and SQLite in DATA_DIR)."""
    return regulars(*args, env=command_env(data_dir, **env_vars))


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
