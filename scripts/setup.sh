#!/usr/bin/env bash
# Set up everything the site needs, idempotently: a virtual environment with the pinned
# requirements, and (with --browser) Debian's Chromium for the browser tests.
# Usage: scripts/setup.sh [--browser]
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
PYTHON=${PYTHON:-python3}
STAMP="$VENV/.requirements.sha256"

if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV with $($PYTHON --version)"
  "$PYTHON" -m venv "$VENV"
fi
wanted=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ "$(cat "$STAMP" 2>/dev/null)" != "$wanted" ]; then
  echo "setup: installing requirements.txt into $VENV"
  # --require-hashes: every package, dependencies included, must match the sha256 that
  # requirements.txt records (generated from requirements.in by pip-compile; README).
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
  echo "$wanted" > "$STAMP"
fi
# Our own package (anhorigguiden/, pyproject.toml), editable: the hooks and mkdocs.yml's
# markdown_extensions import it from any folder, and an edit to it needs no reinstall.
# Offline and without build isolation: its build backend (flit_core) is pinned above.
if [ "$("$VENV/bin/python" -I -c 'import anhorigguiden, pathlib; print(pathlib.Path(anhorigguiden.__file__).parent.parent)' 2>/dev/null)" != "$PWD" ]; then
  echo "setup: installing this repository's package anhorigguiden into $VENV (editable)"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --no-index -e .
fi

if [ "${1:-}" = "--browser" ]; then
  CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
  if [ ! -x "$CHROMIUM" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
      echo "setup: installing with apt-get: chromium (Debian's browser, for the browser tests)"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "setup: the browser tests need Chromium at $CHROMIUM." >&2
      echo "       Install it as root with: apt-get install chromium" >&2
      echo "       (or set CHROMIUM=/path/to/chromium)" >&2
      exit 1
    fi
  fi

  # The deployment tests (tests/test_deploy_nginx.py) run Debian's nginx on a free port
  # with the shipped configuration (deploy/nginx/). Installed without starting the system
  # service (policy-rc.d, Debian's way to say so): the tests start their own.
  NGINX=${NGINX:-/usr/sbin/nginx}
  if [ ! -x "$NGINX" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
      echo "setup: installing with apt-get: nginx (for the deployment tests; its system service is not started)"
      apt-get update -qq
      own_policy=""
      if [ ! -e /usr/sbin/policy-rc.d ]; then
        own_policy=1
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
      fi
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
      if [ -n "$own_policy" ]; then
        rm -f /usr/sbin/policy-rc.d
        trap - EXIT
      fi
    else
      echo "setup: the deployment tests need nginx at $NGINX." >&2
      echo "       Install it as root with: apt-get install nginx" >&2
      echo "       (or set NGINX=/path/to/nginx)" >&2
      exit 1
    fi
  fi

  # The HTML check (tests/test_quality_gates.py): the Nu HTML Checker from npm (vnu-jar,
  # pinned in package.json and package-lock.json), run with Debian's Java.
  if ! command -v java >/dev/null; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
      echo "setup: installing with apt-get: default-jre-headless (Java, to run the HTML checker vnu-jar)"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
    else
      echo "setup: the HTML check needs Java. Install it as root with: apt-get install default-jre-headless" >&2
      exit 1
    fi
  fi
  lock=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ "$(cat node_modules/.package-lock.sha256 2>/dev/null)" != "$lock" ]; then
    if ! command -v npm >/dev/null; then
      echo "setup: the HTML check needs npm to install vnu-jar. Install it as root with: apt-get install npm" >&2
      exit 1
    fi
    echo "setup: installing with npm ci: vnu-jar (the HTML checker), as package-lock.json pins it with its integrity hash"
    # --ignore-scripts: vnu-jar's install script would download a Java runtime; we use Debian's.
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    echo "$lock" > node_modules/.package-lock.sha256
  fi
fi
