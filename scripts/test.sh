#!/usr/bin/env bash
# Runs the whole test suite: type check, lint, every package's Jest tests
# (route tests on startTestBackend, ledger tests on SQLite and on the
# machine's PostgreSQL), and the Playwright browser tests in Debian's
# chromium. Ends with one line: "N passed, N failed" over every runner.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh" || { echo "0 passed, 1 failed"; exit 1; }
cd "$ROOT"

REPORTS="$TC/reports"
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
export ML_TEST_REPORTS="$REPORTS"
export CI=${CI:-true} # non-interactive Jest; Playwright starts its own servers
failed_steps=()

step() { # name, command...
  local name=$1
  shift
  printf '\n=== %s ===\n' "$name"
  local started=$SECONDS
  if "$@"; then
    printf '=== %s: ok (%ss) ===\n' "$name" $((SECONDS - started))
  else
    printf '=== %s: FAILED (%ss) ===\n' "$name" $((SECONDS - started))
    failed_steps+=("$name")
  fi
}

ensure_chromium() {
  command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null && return 0
  echo "[setup] installing Debian's chromium for the browser tests"
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

# The sandbox Cost Explorer accepts any signed request; dummy keys keep the AWS
# SDK from looking further (never the instance metadata service).
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-sandbox-demo}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-sandbox-demo}"
export AWS_EC2_METADATA_DISABLED=true

# Production-mode tests use the machine's PostgreSQL and Redis.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}
export BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING=${BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING:-redis://127.0.0.1:6379}

step "type check" yarn tsc
step "lint" yarn backstage-cli repo lint
step "unit and route tests (jest)" yarn backstage-cli repo test --json --outputFile="$REPORTS/jest.json"
step "chromium" ensure_chromium
step "browser tests (playwright)" yarn playwright test

node scripts/test-summary.js "$REPORTS/jest.json" "$REPORTS/playwright.json" "${failed_steps[@]}"
