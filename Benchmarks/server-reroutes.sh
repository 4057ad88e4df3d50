#!/usr/bin/env bash
# Drivers' backends rerouting through `lastmile serve` (issue 13): every vehicle of a planned day posts
# position and delay events concurrently over HTTP (server-reroutes.py) — sustained events per second and
# latency percentiles per type, with no event lost or applied twice (counted from the event log afterwards),
# and the server's resident memory at start and after the load. Days: the 20-vehicle / 400-stop sample town and
# the 100-vehicle / 2,000-stop Porto day (same days as live-latency.sh). Each day twice, from the planned day
# without live events: closed loop (every vehicle posts again as soon as it is answered: the most the server
# sustains) and paced (every vehicle one event every INTERVAL seconds: latency at a steady rate). The server is
# pinned to core 1.
# Usage: Benchmarks/server-reroutes.sh [EVENTS_PER_VEHICLE] [INTERVAL]
set -euo pipefail
cd "$(dirname "$0")/.."
per_vehicle=${1:-40}; interval=${2:-10}
swift build -c release --product lastmile >/dev/null
bin=$PWD/.build/release/lastmile
work=.peers-results/reroutes
mkdir -p "$work"
date=2026-11-23
port=5113

run_day() {  # NAME PLANNED_DB GRAPH INTERVAL
    local name=$1 db=$work/$1-run.sqlite graph=$3 token pid
    cp "$2" "$db"; rm -f "$db-wal" "$db-shm"
    token=$("$bin" keys create --db "$db" --role admin | grep -o 'lm_[A-Za-z0-9_]*' | head -1)
    taskset -c 1 "$bin" serve --db "$db" --graph "$graph" --port $port --log-level warning >"$work/$name.log" 2>&1 &
    pid=$!
    until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do sleep 0.2; done
    echo "== $name, interval $4 s: server resident at start $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MB"
    python3 Benchmarks/server-reroutes.py $port "$token" "$db" $date "$per_vehicle" "$4" || echo "EVENT LOG CHECK FAILED"
    echo "server resident after the load $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MB"
    kill $pid; wait $pid 2>/dev/null || true
}

if [ ! -f "$work/small/lastmile.sqlite" ]; then
    "$bin" demo --output "$work/small" --orders 400 --time-limit 10 --date $date >/dev/null
    "$bin" generate-sample-town --output "$work/town.osm.pbf" >/dev/null
    "$bin" import "$work/town.osm.pbf" --output "$work/town.graph" >/dev/null
fi
if [ ! -f "$work/porto/lastmile.sqlite" ]; then
    "$bin" demo --map ../shared/maps/porto.osm.pbf --centre 41.1579,-8.6291 --orders 2000 --time-limit 30 --date $date --output "$work/porto" >/dev/null
    "$bin" import ../shared/maps/porto.osm.pbf --output "$work/porto.graph" >/dev/null
fi
for pace in 0 "$interval"; do
    run_day small "$work/small/lastmile.sqlite" "$work/town.graph" "$pace"
    run_day porto "$work/porto/lastmile.sqlite" "$work/porto.graph" "$pace"
done
