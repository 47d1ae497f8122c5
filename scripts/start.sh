#!/usr/bin/env bash
# Starts the ML Platform Portal on its embedded demo default: in-memory SQLite,
# guest sign-in, and the sandbox upstreams (Kubernetes, MLflow, Cost Explorer)
# on 127.0.0.1:7010. Ctrl-C stops everything.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$ROOT"

FRONTEND_URL=http://localhost:3000
BACKEND_URL=http://localhost:7007

# The demo's Cost Explorer is the sandbox: the AWS SDK still signs requests, so
# give the default credential chain a dummy key unless real ones are set.
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-sandbox-demo}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-sandbox-demo}"
export AWS_EC2_METADATA_DISABLED=true

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

set -m # each child in its own process group, so cleanup stops its children too
yarn workspace @internal/ml-platform-sandbox start &
pids+=($!)
yarn start &
pids+=($!)
set +m

wait_for() { # url, what, seconds
  for _ in $(seq 1 "$3"); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    sleep 1
  done
  echo "[start] $2 did not come up at $1 within $3 s" >&2
  return 1
}
wait_for "$BACKEND_URL/.backstage/health/v1/readiness" backend 240
wait_for "$FRONTEND_URL" frontend 240
echo
echo "ML Platform Portal is up: $FRONTEND_URL  (sign in as guest; demo data from the sandbox upstreams)"
echo "Backend: $BACKEND_URL/api/ml-platform/environments   Press Ctrl-C to stop."
wait -n "${pids[@]}"
