#!/usr/bin/env bash
# Issue 11's evaluation: plans of one day executed by the day simulator (`lastmile simulate`) under the same
# true traffic (the shipped default urban profile, on the demo's weekday 2026-11-23, a Monday): LastMile's
# traffic-aware plan (`lastmile plan --traffic default`, stored as version 2), its traffic-blind plan
# (`lastmile demo`, free-flow matrix, version 1) and a static peer's plan (VROOM from the peers' venv, fed the
# free-flow car and bicycle matrices, Benchmarks/peer-day-routes.py). Prints a Markdown table
# (Benchmarks/simulation-table.py) and keeps the reports in the output folder.
# Usage: Benchmarks/simulation-traffic.sh [MAP] [LAT,LON] [ORDERS] [BUDGET_SECONDS] [VENV]
#   e.g. Benchmarks/simulation-traffic.sh ../shared/maps/porto.osm.pbf 41.1579,-8.6291 400 60
set -euo pipefail
cd "$(dirname "$0")/.."
map=${1:-../shared/maps/porto.osm.pbf}; centre=${2:-41.1579,-8.6291}; orders=${3:-400}; budget=${4:-60}
venv=${5:-/work/main/.venv-peers}
swift build -c release --product lastmile >/dev/null
lastmile=.build/release/lastmile
out=$(mktemp -d)
date=2026-11-23
$lastmile demo --map "$map" --centre "$centre" --orders "$orders" --time-limit "$budget" --output "$out" --date "$date" 2>&1 \
    | grep -v "solving" | tail -n 12
$lastmile import "$map" --profile car -o "$out/car.graph" >/dev/null 2>&1
$lastmile import "$map" --profile bicycle -o "$out/bike.graph" >/dev/null 2>&1
"$venv/bin/python" Benchmarks/peer-day-routes.py "$out" "$lastmile" "$out/car.graph" "$out/bike.graph" "$venv/bin/vroom" "$budget" "$out/vroom-routes.csv"
simulate=($lastmile simulate --db "$out/lastmile.sqlite" --date "$date" --map "$map" --traffic default)
/usr/bin/time -f "simulation: wall %e s, peak %M KB" "${simulate[@]}" --output "$out/blind.json" | tail -n 1
"${simulate[@]}" --routes "$out/vroom-routes.csv" --output "$out/vroom.json" | tail -n 1
$lastmile plan --date "$date" --db "$out/lastmile.sqlite" --map "$map" --traffic default --time-limit "$budget" --output "$out/aware" 2>&1 \
    | grep -E "^   cost " || true
"${simulate[@]}" --output "$out/aware.json" | tail -n 1
python3 Benchmarks/simulation-table.py "$out" "LastMile, traffic-aware=$out/aware.json" "LastMile, traffic-blind=$out/blind.json" \
    "VROOM, free-flow matrix=$out/vroom.json"
echo "reports in $out"
