#!/usr/bin/env bash
# `make bench-collector`: the real server against BENCH_BMCS (default 1000) lab BMCs polled every
# BENCH_INTERVAL (60) seconds, measured for BENCH_MINUTES (10) minutes after the first collection.
# Prints the server's CPU use, its peak RSS, how long one poll of one server takes (p50/p99/max),
# how far apart two polls of one server are (the schedule: p50/p99/max against the interval) and
# the database growth extrapolated per server per day. A benchmark, not a test: it prints
# figures and fails only when something did not run.
#
# Everything lives in a fresh temporary directory (database, logs, the lab's files) that is
# removed afterwards unless BENCH_KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."

bmcs=${BENCH_BMCS:-1000}
minutes=${BENCH_MINUTES:-10}
interval=${BENCH_INTERVAL:-60}
port=${BENCH_PORT:-5901}
bin=${BENCH_BIN:-target/release/ipmi-monitor}
work=$(mktemp -d /tmp/bench-collector.XXXXXX)

# Only the settings below: an inherited IPMI_MONITOR_CONFIG or DATABASE_URL would send a
# thousand simulated servers into someone's real database.
unset DATABASE_URL $(compgen -e | grep '^IPMI_MONITOR_' || true)
export BMC_FLEET_DIR=$work/lab
export IPMI_MONITOR_DATA_DIR=$work/data
export IPMI_MONITOR_LISTEN=127.0.0.1:$port
export IPMI_MONITOR_POLL_INTERVAL=$interval
# One line per stored poll ("poll finished", with its duration) is what the figures come from.
export IPMI_MONITOR_LOG=info,server::collector::scheduler=debug
mkdir -p "$IPMI_MONITOR_DATA_DIR"

server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  lab/bmc-fleet stop >/dev/null 2>&1 || true
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

say() { echo "bench: $*" >&2; }

say "starting $bmcs lab BMCs"
lab/bmc-fleet start "$bmcs" >/dev/null
{
  echo "name,bmc_ip,bmc_port,username,password"
  lab/bmc-fleet list | awk '$1 ~ /^[0-9]+$/ { printf "bmc-%04d,%s,%s,admin,password\n", $1, $2, $3 }'
} > "$work/servers.csv"
"$bin" import "$work/servers.csv" >/dev/null
rm -f "$work/servers.csv"

say "serving on $IPMI_MONITOR_LISTEN, polling every ${interval}s"
started=$(date +%s.%N)
"$bin" serve 2> "$work/serve.log" >/dev/null &
server_pid=$!

# Seconds since the epoch of each "poll finished" line: the log's own RFC 3339 timestamps.
polls() {
  grep 'poll finished' "$work/serve.log" | sed 's/\x1b\[[0-9;]*m//g'
}
polled_servers() { polls | grep -o 'server=[^ ]*' | sort -u | wc -l; }

deadline=$(( $(date +%s) + 600 ))
until [ "$(polled_servers)" -ge "$bmcs" ]; do
  kill -0 "$server_pid" 2>/dev/null || { tail -20 "$work/serve.log"; say "the server exited"; exit 1; }
  [ "$(date +%s)" -lt "$deadline" ] || { say "the first collection did not finish in 10 minutes"; exit 1; }
  sleep 1
done
first_done=$(date +%s.%N)
say "first collection of $bmcs servers took $(awk -v a="$started" -v b="$first_done" 'BEGIN { printf "%.1f", b - a }') s (start-up included)"

db=$IPMI_MONITOR_DATA_DIR/ipmi_events.db
# Bytes in use: pages of the committed database (WAL included) minus free pages.
db_bytes() {
  sqlite3 -readonly "$db" 'SELECT (page_count - freelist_count) * page_size FROM pragma_page_count, pragma_freelist_count, pragma_page_size;'
}
rows() {
  sqlite3 -readonly "$db" "SELECT
    (SELECT count(*) FROM sensor_readings), (SELECT count(*) FROM power_readings),
    (SELECT count(*) FROM sel_events), (SELECT count(*) FROM audit_log);"
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
tick_hz=$(getconf CLK_TCK)

t0=$(date +%s.%N)
t0_iso=$(date -u -d "@${t0%.*}" +%Y-%m-%dT%H:%M:%S)
ticks0=$(cpu_ticks)
bytes0=$(db_bytes)
rows0=$(rows)
say "measuring for $minutes minutes"
end=$(( ${t0%.*} + minutes * 60 ))
peak_rss=0
while [ "$(date +%s)" -lt "$end" ]; do
  kill -0 "$server_pid" 2>/dev/null || { tail -20 "$work/serve.log"; say "the server exited"; exit 1; }
  sleep 5
done
t1=$(date +%s.%N)
ticks1=$(cpu_ticks)
bytes1=$(db_bytes)
rows1=$(rows)
peak_rss=$(awk '/VmHWM/ { print $2 }' "/proc/$server_pid/status")
rss=$(awk '/VmRSS/ { print $2 }' "/proc/$server_pid/status")
fds=$(ls "/proc/$server_pid/fd" | wc -l)

# The polls that finished in the measured window: "<epoch seconds> <server> <duration ms> <healthy>".
polls | awk -v from="$t0_iso" '
  { ts = substr($1, 1, 19); if (ts < from) next
    server = ""; ms = ""; ok = ""
    for (i = 1; i <= NF; i++) {
      if ($i ~ /^server=/) server = substr($i, 8)
      if ($i ~ /^duration_ms=/) ms = substr($i, 13)
      if ($i ~ /^healthy=/) ok = substr($i, 9)
    }
    print $1, server, ms, ok }' > "$work/window.txt"

quantiles() { # stdin: numbers; prints "p50 p99 max count"
  sort -n | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "- - - 0"; exit }
    p50 = v[int((NR - 1) * 0.50) + 1]; p99 = v[int((NR - 1) * 0.99) + 1]
    print p50, p99, v[NR], NR }'
}
read -r d50 d99 dmax count < <(awk '{ print $3 }' "$work/window.txt" | quantiles)
unhealthy=$(awk '$4 != "true"' "$work/window.txt" | wc -l)
# Seconds between two consecutive polls of one server (both in the window).
read -r g50 g99 gmax gcount < <(
  awk '{ # 2026-12-04T09:40:00.123456Z -> seconds since the month began (runs are minutes long)
          t = substr($1, 9, 2) * 86400 + substr($1, 12, 2) * 3600 + substr($1, 15, 2) * 60 + substr($1, 18, 9)
          print $2, t }' "$work/window.txt" \
  | sort -k1,1 -k2,2n \
  | awk '$1 == prev { printf "%.1f\n", $2 - last } { prev = $1; last = $2 }' \
  | quantiles)

awk -v t0="$t0" -v t1="$t1" -v k0="$ticks0" -v k1="$ticks1" -v hz="$tick_hz" \
    -v b0="$bytes0" -v b1="$bytes1" -v n="$bmcs" -v peak="$peak_rss" -v rss="$rss" -v fds="$fds" \
    -v d50="$d50" -v d99="$d99" -v dmax="$dmax" -v count="$count" -v bad="$unhealthy" \
    -v g50="$g50" -v g99="$g99" -v gmax="$gmax" -v gcount="$gcount" -v interval="$interval" \
    -v rows0="$rows0" -v rows1="$rows1" '
  BEGIN {
    secs = t1 - t0
    split(rows0, r0, "|"); split(rows1, r1, "|")
    printf "\nCollector benchmark: %d lab BMCs, %d s interval, %.0f s measured\n", n, interval, secs
    printf "  server CPU            %.1f %% of one core (%.1f s of CPU)\n", (k1 - k0) / hz / secs * 100, (k1 - k0) / hz
    printf "  peak RSS              %.1f MB (now %.1f MB, %d open files)\n", peak / 1024, rss / 1024, fds
    printf "  polls                 %d stored, %d not healthy (%.1f per second)\n", count, bad, count / secs
    printf "  one poll, one server  p50 %d ms, p99 %d ms, max %d ms\n", d50, d99, dmax
    printf "  poll to poll (%d)  p50 %.1f s, p99 %.1f s, max %.1f s (interval %d s)\n", gcount, g50, g99, gmax, interval
    grow = (b1 - b0) / n / secs * 86400
    printf "  database              %.1f MB -> %.1f MB: %.2f MB per server per day\n", b0 / 1e6, b1 / 1e6, grow / 1e6
    printf "  rows added            %d sensor readings, %d power readings, %d SEL events, %d audit\n", \
      r1[1] - r0[1], r1[2] - r0[2], r1[3] - r0[3], r1[4] - r0[4]
  }'
