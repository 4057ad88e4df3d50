#!/usr/bin/env bash
# Matrix benchmark in one run: LastMile (CCH, and plain Dijkstra) next to OSRM CH and the peer harness's scipy
# Dijkstra, on the same points of the same map, through ../shared/peers/roads/matrix_peers.py.
#
# Needs the peer environment (../shared/peers/README.md "Roads"): a Python 3.12 venv at .venv-peers-roads with
# osrm-bindings, osmium, scipy, numpy, pyproj. Usage: Benchmarks/matrix-peers.sh MAP N... (e.g. porto 100 1000 2000)
# Results: .peers-results/roads/<map>/summary.json and REPORT.md.
set -euo pipefail
cd "$(dirname "$0")/.."
map=${1:?map name, e.g. porto}; shift
swift build -c release --product lastmile >/dev/null
bin="$PWD/.build/release/lastmile"
# LastMile imports the map once per run folder (baseline profile: the same road model as the scipy baseline).
template() {
    echo "test -f {workdir}/lastmile.graph || $bin import {map} -o {workdir}/lastmile.graph --profile baseline >/dev/null; \
$bin matrix --graph {workdir}/lastmile.graph --points {points} --durations-csv {durations} --distances-csv {distances} --timing-json --engine $1"
}
.venv-peers-roads/bin/python ../shared/peers/roads/matrix_peers.py --map "$map" --n "$@" \
    --engines osrm-ch scipy lastmile lastmile-dijkstra \
    --engine-cmd "lastmile=$(template cch)" --engine-cmd "lastmile-dijkstra=$(template dijkstra)" \
    --results .peers-results/roads
.venv-peers-roads/bin/python ../shared/peers/roads/make_report.py .peers-results/roads
