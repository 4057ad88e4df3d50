#!/usr/bin/env bash
# `lastmile serve` next to `osrm-routed` in one run, both serving Porto on loopback with the same road model
# (LastMile's `--profile baseline` = OSRM car.lua class speeds): GET /table for 100 points with wrk at 2, 8
# and 32 connections (requests/s, p50, p99), one 1000×1000 table end to end (LastMile: POST with a JSON body;
# OSRM: GET with the coordinates in the URL, --max-table-size 1000), startup time and resident memory.
#
# Needs .venv-peers-roads with osrm-bindings (../shared/peers/README.md "Roads") and wrk (Debian).
# Each server is pinned to its own core (taskset); wrk shares the machine with them.
# Usage: Benchmarks/server-peers.sh [SECONDS_PER_RUN]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
osrm=$(ls -d .venv-peers-roads/lib/python3*/site-packages/osrm)
work=.peers-results/server
mkdir -p "$work/osrm"
swift build -c release --product lastmile >/dev/null
bin=$PWD/.build/release/lastmile
[ -f "$work/porto.graph" ] || "$bin" import ../shared/maps/porto.osm.pbf -o "$work/porto.graph" --profile baseline >/dev/null
if [ ! -f "$work/osrm/porto.osrm.hsgr" ]; then
    cp ../shared/maps/porto.osm.pbf "$work/osrm/porto.osm.pbf"
    "$osrm/bin/osrm-extract" -p "$osrm/share/profiles/car.lua" -t 2 "$work/osrm/porto.osm.pbf" >/dev/null 2>&1
    "$osrm/bin/osrm-contract" -t 2 "$work/osrm/porto.osrm" >/dev/null 2>&1
fi

# 100 reference points (on graph nodes), and 1000 = those with a seeded jitter of about ±200 m.
python3 - "$work" <<'PY'
import csv, random, sys
work = sys.argv[1]
points = [(float(r["lon"]), float(r["lat"])) for r in csv.DictReader(open("../shared/peers/roads/reference/porto/points.csv"))]
random.seed(42)
many = [(lon + random.uniform(-0.0025, 0.0025), lat + random.uniform(-0.002, 0.002)) for i in range(1000) for lon, lat in [points[i % 100]]]
open(f"{work}/coords100.txt", "w").write(";".join(f"{lon:.6f},{lat:.6f}" for lon, lat in points[:100]))
open(f"{work}/coords1000.txt", "w").write(";".join(f"{lon:.6f},{lat:.6f}" for lon, lat in many))
open(f"{work}/body1000.json", "w").write('{"coordinates": [' + ",".join(f"[{lon:.6f},{lat:.6f}]" for lon, lat in many) + '], "annotations": "duration,distance"}')
PY

db=$work/server.sqlite
rm -f "$db" "$db"-*
key=$("$bin" keys create --role admin --db "$db" 2>/dev/null)
rss() { ps -o rss= -p "$1" | awk '{printf "%.0f", $1 / 1024}'; }
wait_for() { for _ in $(seq 1 300); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "no answer from $1" >&2; return 1; }

start=$(date +%s.%N)
taskset -c 0 "$osrm/bin/osrm-routed" --algorithm ch --max-table-size 1000 -i 127.0.0.1 -p 5101 "$work/osrm/porto.osrm" >/dev/null 2>&1 &
osrm_pid=$!
wait_for "http://127.0.0.1:5101/table/v1/driving/$(cut -d';' -f1-2 "$work/coords100.txt")"
osrm_start=$(echo "$(date +%s.%N) - $start" | bc)
start=$(date +%s.%N)
taskset -c 1 "$bin" serve --db "$db" --graph "$work/porto.graph" --port 5102 --max-table 1000 >/dev/null 2>&1 &
lastmile_pid=$!
wait_for "http://127.0.0.1:5102/health"
lastmile_start=$(echo "$(date +%s.%N) - $start" | bc)
trap 'kill $osrm_pid $lastmile_pid 2>/dev/null' EXIT

echo "| server | startup s | RSS at start MB |"
echo "|---|---:|---:|"
echo "| osrm-routed (CH) | $osrm_start | $(rss $osrm_pid) |"
echo "| lastmile serve | $lastmile_start | $(rss $lastmile_pid) |"
echo

coords=$(cat "$work/coords100.txt")
echo "GET /table, 100 points, ${seconds} s per run (wrk, 2 threads):"
echo
echo "| server | connections | requests/s | p50 ms | p99 ms | errors |"
echo "|---|---:|---:|---:|---:|---:|"
for connections in 2 8 32; do
    for server in osrm lastmile; do
        if [ $server = osrm ]; then url="http://127.0.0.1:5101/table/v1/driving/$coords"; auth=(); else
            url="http://127.0.0.1:5102/table/v1/driving/$coords"; auth=(-H "Authorization: Bearer $key"); fi
        out=$(wrk -t2 -c$connections -d${seconds}s --latency "${auth[@]}" "$url")
        rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
        p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
        p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
        errors=$(echo "$out" | awk '/Non-2xx/ {print $5} /Socket errors/ {print "socket"}' | head -1)
        echo "| $server | $connections | $rps | $p50 | $p99 | ${errors:-0} |"
    done
done
echo
echo "| server | RSS after the load MB |"
echo "|---|---:|"
echo "| osrm-routed | $(rss $osrm_pid) |"
echo "| lastmile serve | $(rss $lastmile_pid) |"
echo

echo "One 1000×1000 table (durations and distances), best of 3, end to end (curl):"
echo
echo "| server | request | seconds | bytes |"
echo "|---|---|---:|---:|"
best() { sort -n | head -1; }
osrm_url="http://127.0.0.1:5101/table/v1/driving/$(cat "$work/coords1000.txt")?annotations=duration,distance"
o=$(for _ in 1 2 3; do curl -s -o "$work/osrm1000.json" -w '%{time_total}\n' "$osrm_url"; done | best)
echo "| osrm-routed | GET, coordinates in the URL | $o | $(wc -c < "$work/osrm1000.json") |"
l=$(for _ in 1 2 3; do curl -s -o "$work/lastmile1000.json" -w '%{time_total}\n' -H "Authorization: Bearer $key" \
    -H "Content-Type: application/json" --data-binary @"$work/body1000.json" http://127.0.0.1:5102/table/v1/driving; done | best)
echo "| lastmile serve | POST, JSON body | $l | $(wc -c < "$work/lastmile1000.json") |"
head -c 120 "$work/osrm1000.json"; echo; head -c 120 "$work/lastmile1000.json"; echo
