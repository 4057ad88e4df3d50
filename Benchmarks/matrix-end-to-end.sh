#!/usr/bin/env bash
# `lastmile matrix` end to end — read the graph, snap, contract, customize, compute, write — for N random points
# of a map, net of a 2-point run (which pays the same fixed costs), next to OSRM CH's `Table` query alone for the
# same points, measured in the same run through ../shared/peers/roads/matrix_peers.py.
#
# Needs the peer environment at .venv-peers-roads (see matrix-peers.sh) and hyperfine (apt-get install -y hyperfine).
# Usage: Benchmarks/matrix-end-to-end.sh [MAP [N [ROUNDS]]] (default porto 1000 3; ROUNDS = OSRM queries, median).
# Results: .peers-results/end-to-end/ (graph, points, outputs, hyperfine JSON); prints one Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
map=${1:-porto}; n=${2:-1000}; rounds=${3:-3}
results=.peers-results/end-to-end
mkdir -p "$results"
swift build -c release --product lastmile >/dev/null
bin="$PWD/.build/release/lastmile"
graph="$results/$map.graph"
test -f "$graph" || "$bin" import "../shared/maps/$map.osm.pbf" -o "$graph" >/dev/null

# OSRM CH (car.lua; preprocessing reused after the first run) on the harness's seed-42 points.
osrm=()
for _ in $(seq "$rounds"); do
    .venv-peers-roads/bin/python ../shared/peers/roads/matrix_peers.py --map "$map" --n "$n" --engines osrm-ch \
        --reuse --results "$results" >/dev/null
    osrm+=("$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["query_s"])' "$results/$map/osrm-ch_N$n.json")")
done

# LastMile on the first N and the first 2 of the same points: the OSRM JSON (default) and the two CSV files.
head -n $((n + 1)) "$results/$map/points_seed42.csv" > "$results/points-$n.csv"
head -n 3 "$results/$map/points_seed42.csv" > "$results/points-2.csv"
run() { echo "$bin matrix --graph $graph --points $results/points-$1.csv $2"; }
hyperfine --warmup 2 --runs 15 --export-json "$results/lastmile.json" \
    "$(run "$n" "-o $results/table-$n.json")" "$(run 2 "-o $results/table-2.json")" \
    "$(run "$n" "--durations-csv $results/d-$n.csv --distances-csv $results/m-$n.csv")" \
    "$(run 2 "--durations-csv $results/d-2.csv --distances-csv $results/m-2.csv")" >/dev/null

python3 - "$results/lastmile.json" "$map" "$n" "${osrm[@]}" <<'PY'
import json, statistics, sys
runs = [r["median"] for r in json.load(open(sys.argv[1]))["results"]]
name, n, osrm = sys.argv[2], sys.argv[3], statistics.median(float(x) for x in sys.argv[4:])
print(f"| {name} {n}×{n} | s (median) |")
print("|---|---:|")
print(f"| OSRM CH `Table` query alone | {osrm:.3f} |")
for label, big, small in (("JSON (`-o table.json`)", runs[0], runs[1]), ("CSV (`--durations-csv --distances-csv`)", runs[2], runs[3])):
    net = big - small
    print(f"| `lastmile matrix` {label}: {big:.3f} − 2-point run {small:.3f} = net | **{net:.3f}** ({osrm / net:.1f}× faster than OSRM) |")
PY
