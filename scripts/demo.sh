#!/usr/bin/env bash
# `make demo`: try IPMI Monitor without hardware. Starts DEMO_BMCS (default 8) simulated BMCs
# from lab/bmc-fleet on loopback (drifting sensors, SEL events), imports them as servers,
# creates the admin `demo` (password `demo-password`, printed below) unless users exist, and
# serves the app on http://127.0.0.1:5001 with its own database in data/demo. Ctrl-C stops the
# app and the simulated BMCs.
set -euo pipefail
cd "$(dirname "$0")/.."

bmcs=${DEMO_BMCS:-8}
data=${DEMO_DATA_DIR:-data/demo}
bin=${DEMO_BIN:-target/release/ipmi-monitor}
mkdir -p "$data"
data=$(cd "$data" && pwd)   # absolute, whether DEMO_DATA_DIR was given relative or not
export BMC_FLEET_DIR="$data/lab"
export IPMI_MONITOR_DATA_DIR="$data"
export IPMI_MONITOR_LISTEN=${IPMI_MONITOR_LISTEN:-127.0.0.1:5001}

lab/bmc-fleet start "$bmcs" >/dev/null
trap 'lab/bmc-fleet stop >/dev/null 2>&1 || true' EXIT

# One CSV row per BMC, from the fleet's own listing (index, address, port, …).
{
  echo "name,bmc_ip,bmc_port,username,password,tags"
  lab/bmc-fleet list | awk '$1 ~ /^[0-9]+$/ { printf "demo-%02d,%s,%s,admin,password,demo\n", $1, $2, $3 }'
} > "$data/demo-servers.csv"
"$bin" import "$data/demo-servers.csv"
rm -f "$data/demo-servers.csv"   # it held the simulators' password; the database has it encrypted

if "$bin" user list --json | grep -q '"username"'; then
  echo "demo: users exist already; sign in as one of them"
else
  DEMO_PASSWORD=demo-password "$bin" user add demo --role admin --password-env DEMO_PASSWORD
  echo "demo: sign in as demo / demo-password"
fi
echo "demo: serving http://$IPMI_MONITOR_LISTEN with $bmcs simulated BMCs (Ctrl-C stops everything)"
"$bin" serve
