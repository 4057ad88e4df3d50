#!/usr/bin/env bash
# `lastmile matrix` end to end — read the graph, snap, contract, customize, compute, write — for N random points
# of a map, net of a 2-point run (which pays the same fixed costs), next to OSRM CH's `Table` query alone for the
# same points, measured in the same run through ../shared/peers/roads/matrix_peers.py.
#
# The machine is shared, so the runs interleave: each round is one OSRM query, then PAIRS pairs of LastMile runs
# (N points, then 2 points, back to back); the table reports medians (net = median of the pairs' differences).
# Needs the peer environment at .venv-peers-roads (see matrix-peers.sh).
# Usage: Benchmarks/matrix-end-to-end.sh [MAP [N [ROUNDS [PAIRS]]]] (default porto 1000 3 5).
# Results: .peers-results/end-to-end/ (graph, points, outputs); prints one Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
map=${1:-porto}; n=${2:-1000}; rounds=${3:-3}; pairs=${4:-5}
results=.peers-results/end-to-end
mkdir -p "$results"
swift build -c release --product lastmile >/dev/null
bin="$PWD/.build/release/lastmile"
graph="$results/$map.graph"
test -f "$graph" || "$bin" import "../shared/maps/$map.osm.pbf" -o "$graph" >/dev/null
# The harness draws the seed-42 points (and preprocesses OSRM once; later runs reuse it).
osrm() {
    .venv-peers-roads/bin/python ../shared/peers/roads/matrix_peers.py --map "$map" --n "$n" --engines osrm-ch \
        --reuse --results "$results" >/dev/null
}
osrm
head -n $((n + 1)) "$results/$map/points_seed42.csv" > "$results/points-$n.csv"
head -n 3 "$results/$map/points_seed42.csv" > "$results/points-2.csv"

python3 - "$bin" "$graph" "$results" "$map" "$n" "$rounds" "$pairs" <<'PY'
import json, statistics, subprocess, sys, time
bin, graph, results, name, n, rounds, pairs = sys.argv[1:4] + [sys.argv[4], sys.argv[5], int(sys.argv[6]), int(sys.argv[7])]
outputs = {"JSON (`-o table.json`)": lambda k: ["-o", f"{results}/table-{k}.json"],
           "CSV (`--durations-csv --distances-csv`)": lambda k: ["--durations-csv", f"{results}/d-{k}.csv", "--distances-csv", f"{results}/m-{k}.csv"]}
def wall(k, output):
    started = time.perf_counter()
    subprocess.run([bin, "matrix", "--graph", graph, "--points", f"{results}/points-{k}.csv", *output(k)], check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started
osrm, big, small = [], {o: [] for o in outputs}, {o: [] for o in outputs}
for round in range(rounds):
    if round > 0:
        subprocess.run(["bash", "-c", f'.venv-peers-roads/bin/python ../shared/peers/roads/matrix_peers.py --map {name} --n {n} '
                        f'--engines osrm-ch --reuse --results {results} >/dev/null'], check=True)
    osrm.append(json.load(open(f"{results}/{name}/osrm-ch_N{n}.json"))["query_s"])
    for _ in range(pairs):
        for label, output in outputs.items():
            big[label].append(wall(n, output))
            small[label].append(wall(2, output))
reference = statistics.median(osrm)
print(f"| {name} {n}×{n}, medians | s |")
print("|---|---:|")
print(f"| OSRM CH `Table` query alone ({rounds} queries) | {reference:.3f} |")
for label in outputs:
    net = statistics.median(b - s for b, s in zip(big[label], small[label]))
    print(f"| `lastmile matrix` {label}, end to end: {statistics.median(big[label]):.3f}; 2 points: "
          f"{statistics.median(small[label]):.3f}; net ({rounds * pairs} pairs) | **{net:.3f}** ({reference / net:.1f}× faster than OSRM) |")
PY
