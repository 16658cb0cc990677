#!/usr/bin/env bash
# Installs whatever building (and, with --test, testing) needs and is missing, on Debian 12 with
# rustup. Idempotent: a second run installs nothing and takes a second.
#
#   scripts/setup.sh          build tools: C compiler, Node.js, the wasm32 target,
#                             wasm-bindgen-cli (the version in Cargo.lock), npm tools
#   scripts/setup.sh --test   also Chromium, the BMC lab (OpenIPMI, ipmitool, FreeIPMI),
#                             python3 and PostgreSQL
#   scripts/setup.sh --lab    build tools and the BMC lab only (for `make demo`)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
want_lab=0
case "${1:-}" in
  --test) want_test=1; want_lab=1 ;;
  --lab) want_lab=1 ;;
esac

say() { echo "setup: $*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else say "need root for: $*"; exit 1
  fi
}

# --- Debian packages -------------------------------------------------------------------------
packages=()
need_cmd() { command -v "$1" >/dev/null 2>&1 || packages+=("$2"); }
need_cmd cc gcc
need_cmd make make
need_cmd pkg-config pkg-config
need_cmd curl curl
need_cmd git git
need_cmd node nodejs
need_cmd npm npm
if [ $want_lab = 1 ]; then
  need_cmd ipmi_sim openipmi
  need_cmd ipmitool ipmitool
  need_cmd python3 python3
  need_cmd sqlite3 sqlite3   # the collector benchmark reads the database size with it
fi
if [ $want_test = 1 ]; then
  need_cmd chromium chromium
  need_cmd ipmi-sensors freeipmi-tools
  need_cmd pg_ctlcluster postgresql
fi
if [ ${#packages[@]} -gt 0 ]; then
  # Debian's binaryen is deliberately absent: its wasm-opt 108 writes a wasm that never hydrates.
  say "installing Debian packages: ${packages[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${packages[@]}" >/dev/null
fi

# --- Rust: the wasm target and wasm-bindgen at exactly the version in Cargo.lock --------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
bindgen_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  # Not --locked: its lock file pins a webpki-roots this registry does not serve.
  say "installing wasm-bindgen-cli $bindgen_version (about 4 minutes, once)"
  cargo install --quiet --force "wasm-bindgen-cli@$bindgen_version"
fi

# --- npm tools (wasm-opt, playwright-core); neither downloads anything else -------------------
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools"
  npm ci --no-audit --no-fund --loglevel=error
fi

# --- test services ----------------------------------------------------------------------------
if [ $want_test = 1 ]; then
  scripts/postgres.sh start
fi
say "ready"
