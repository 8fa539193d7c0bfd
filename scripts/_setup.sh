# Shared set-up for scripts/demo and scripts/test: a virtualenv with the locked dependencies.
# Usage: source scripts/_setup.sh; setup_venv requirements.lock
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

apt_install() {
  # apt_install PACKAGE... : install Debian packages that are missing
  echo "Installing $* from Debian's packages ..."
  as_root apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

setup_venv() {
  local lock="$1" stamp=".venv/.installed-$(basename "$1")"
  if [ ! -x .venv/bin/python ]; then
    echo "Creating the virtualenv in .venv ..."
    "$PY" -m venv .venv
  fi
  if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "Installing dependencies from $lock ..."
    .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install -q --disable-pip-version-check -r "$lock"
    .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
    touch "$stamp"
  fi
  command -v msgfmt >/dev/null || apt_install gettext
  # WeasyPrint (PDF receipts and invoices) needs Pango from Debian
  .venv/bin/python -c "import weasyprint" 2>/dev/null || apt_install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
  (cd src/regulars && REGULARS_DATA_DIR="$ROOT/var" ../../.venv/bin/regulars compilemessages -v0)
}
