#!/usr/bin/env bash
# Builds the browser side into target/site: the wasm bundle (wasm-bindgen, then wasm-opt for
# release), the stylesheet and the public assets. The server serves target/site (or
# IPMI_MONITOR_SITE_ROOT).
#
#   scripts/build-site.sh release   size-tuned wasm (profile wasm-release) + wasm-opt -Oz
#   scripts/build-site.sh debug     fast, unoptimised wasm for development
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-release}
out=${SITE_DIR:-target/site}
name=ipmi_monitor

case "$mode" in
  release) profile=wasm-release; dir=wasm-release ;;
  debug) profile=dev; dir=debug ;;
  *) echo "usage: $0 release|debug" >&2; exit 2 ;;
esac

want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')
[ "$have" = "$want" ] || { echo "build-site: wasm-bindgen $want needed (have '${have:-none}'); run scripts/setup.sh" >&2; exit 1; }

cargo build --locked -p frontend --lib --target wasm32-unknown-unknown --profile "$profile"
rm -rf "$out.tmp" && mkdir -p "$out.tmp/pkg"
wasm-bindgen --target web --no-typescript --out-name "$name" --out-dir "$out.tmp/pkg" \
  "target/wasm32-unknown-unknown/$dir/frontend.wasm"
if [ "$mode" = release ]; then
  # npm's binaryen 132; Debian's wasm-opt 108 silently produces a wasm that never hydrates.
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$out.tmp/pkg/${name}_bg.wasm" -o "$out.tmp/pkg/${name}_bg.wasm"
fi
cp style/main.css "$out.tmp/pkg/$name.css"
cp -r public/. "$out.tmp/"
rm -rf "$out" && mv "$out.tmp" "$out"
wasm="$out/pkg/${name}_bg.wasm"
echo "build-site: $out ready; wasm $(stat -c %s "$wasm") bytes, gzip $(gzip -9c "$wasm" | wc -c) bytes"
