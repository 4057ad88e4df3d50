#!/usr/bin/env bash
# A dispatcher's day at scale: the sample day's depots, fleet and ORDERS orders laid over a real extract and
# planned end to end by `lastmile demo` (load, import roads, snap, matrix, solve for BUDGET seconds on both
# cores, check, commit, write outputs). Prints the demo's report and the wall time and peak memory.
# Usage: Benchmarks/day-planning.sh [MAP] [LAT,LON] [ORDERS] [BUDGET_SECONDS]
#   e.g. Benchmarks/day-planning.sh ../shared/maps/porto.osm.pbf 41.1579,-8.6291 2000 30
set -euo pipefail
cd "$(dirname "$0")/.."
map=${1:-../shared/maps/porto.osm.pbf}; centre=${2:-41.1579,-8.6291}; orders=${3:-2000}; budget=${4:-30}
swift build -c release --product lastmile >/dev/null
out=$(mktemp -d)
/usr/bin/time -f "wall %e s, peak %M KB" .build/release/lastmile demo --map "$map" --centre "$centre" --orders "$orders" \
    --time-limit "$budget" --output "$out" 2>&1 | grep -v "solving"
echo "outputs in $out"
