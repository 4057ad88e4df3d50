#!/usr/bin/env bash
# Issue 12's simulation: a planned day with seeded disturbances (delays, breakdowns, absent customers, new
# same-day orders) executed by the day simulator under the default urban traffic with 10 % noise, per policy
# of `lastmile simulate --disturbances`, over several seeds. Prints each seed's disturbances and one Markdown
# table, a row per seed and policy (Benchmarks/simulation-table.py). Without MAP: the demo day on the sample town.
# Usage: Benchmarks/simulation-disturbances.sh [MAP LAT,LON] [ORDERS] [BUDGET_SECONDS] [SEEDS]
#   e.g. Benchmarks/simulation-disturbances.sh ../shared/maps/porto.osm.pbf 41.1579,-8.6291 400 60 "1 2 3"
# PLAN_TRAFFIC=default plans the day with the traffic it is executed under (default: a traffic-blind plan).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -ge 2 && $1 != [0-9]* ]]; then map=(--map "$1"); centre=(--centre "$2"); shift 2; else map=(); centre=(); fi
orders=${1:-400}; budget=${2:-30}; seeds=${3:-"1 2 3"}
# LASTMILE=path/to/lastmile uses that (release) binary instead of building one.
if [[ -z ${LASTMILE:-} ]]; then swift build -c release --product lastmile >/dev/null; fi
lastmile=${LASTMILE:-.build/release/lastmile}
out=$(mktemp -d)
date=2026-11-23
planTraffic=(); if [[ -n ${PLAN_TRAFFIC:-} ]]; then planTraffic=(--traffic "$PLAN_TRAFFIC"); fi
$lastmile demo "${map[@]}" "${centre[@]}" "${planTraffic[@]}" --orders "$orders" --time-limit "$budget" --output "$out" --date "$date" 2>&1 \
    | grep -v "solving" | tail -n 12
reports=()
for seed in $seeds; do
    $lastmile simulate --db "$out/lastmile.sqlite" --date "$date" "${map[@]}" --traffic default --noise 0.1 --seed "$seed" \
        --disturbances --output "$out/disturbed-$seed.json" | sed -n 1p
    reports+=("seed $seed=$out/disturbed-$seed.json")
done
python3 Benchmarks/simulation-table.py "$out" "${reports[@]}"
echo "reports in $out"
