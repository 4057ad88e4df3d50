#!/usr/bin/env bash
# The live loop (issue 12) on two planned days: a 20-vehicle / 400-stop sample-town day and a 100-vehicle /
# 2,000-stop Porto day. For each: seeded random events (RandomLiveEvents: stop progress, positions, delays, failed
# deliveries, road conditions, new and cancelled orders, shift changes, breakdowns) through `LiveLoop` — apply,
# re-optimise, durable write, acknowledge — with the latency from arrival to the durable write per event type, the
# resident memory of the live state and of the loop, stability, and the log's growth per 10,000 events (JSON and
# the database file after a WAL checkpoint). Then TRIALS SIGKILL trials on the small day (live-kill-trials.py).
# Usage: Benchmarks/live-latency.sh [EVENTS_SMALL] [EVENTS_PORTO] [TRIALS] [ITERATIONS] [CAP_MS]
# TRAFFIC=default (or a profile file) stores a traffic profile in both days' databases first: the loop then
# times each leg in its forecast (LiveTrafficForecast).
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-1000}; porto=${2:-1000}; trials=${3:-1000}; iterations=${4:-100}; cap=${5:-200}
# BIN=folder uses the release binaries there (lastmile, LiveLatencyBenchmark) instead of building them.
if [[ -z ${BIN:-} ]]; then
    swift build -c release --product lastmile >/dev/null
    swift build -c release --product LiveLatencyBenchmark >/dev/null
fi
bin=${BIN:-.build/release}
out=$(mktemp -d)
file_bytes() { sqlite3 "$1" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null; stat -c %s "$1"; }
run_day() {  # DB MAP EVENTS
    local before after count
    before=$(file_bytes "$1")
    /usr/bin/time -f "benchmark process: wall %e s, peak %M KB" $bin/LiveLatencyBenchmark "$1" 2026-11-23 "$2" "$3" "$iterations" "$cap"
    after=$(file_bytes "$1"); count=$(sqlite3 "$1" "SELECT count(*) FROM live_event")
    echo "database file: +$(( (after - before) * 10000 / count / 1048576 )) MB per 10,000 events ($count events logged)"
}

echo "== 20 vehicles / 400 stops, sample town"
$bin/lastmile demo --output "$out/small" --orders 400 --time-limit 10 >/dev/null
store_traffic() { [[ -z ${TRAFFIC:-} ]] || $bin/lastmile load traffic "$TRAFFIC" --db "$1" >/dev/null; }
store_traffic "$out/small/lastmile.sqlite"
cp "$out/small/lastmile.sqlite" "$out/kill.sqlite"
run_day "$out/small/lastmile.sqlite" sample-town "$small"

echo "== 100 vehicles / 2,000 stops, Porto"
$bin/lastmile demo --map ../shared/maps/porto.osm.pbf --centre 41.1579,-8.6291 --orders 2000 --time-limit 30 --output "$out/porto" >/dev/null
$bin/lastmile import ../shared/maps/porto.osm.pbf --output "$out/porto.graph" >/dev/null
store_traffic "$out/porto/lastmile.sqlite"
run_day "$out/porto/lastmile.sqlite" "$out/porto.graph" "$porto"

[[ $trials -gt 0 ]] || { echo "outputs in $out"; exit 0; }
echo "== $trials SIGKILL trials, 20 vehicles / 400 stops"
$bin/lastmile generate-sample-town --output "$out/town.osm.pbf" >/dev/null
$bin/lastmile import "$out/town.osm.pbf" --output "$out/town.graph" >/dev/null
python3 Benchmarks/live-kill-trials.py "$bin/lastmile" "$out/kill.sqlite" "$out/town.graph" "$trials"
echo "outputs in $out"
