#!/usr/bin/env bash
# Short budgets next to VROOM in one run: the 56 Solomon instances as the peer harness's integer model at scale 1
# (durations and costs in whole units, as a VROOM client would send seconds), written as VROOM JSON problems
# (Benchmarks/model-to-vroom.py) and solved by `lastmile solve` at BUDGET seconds on one core, next to pyvroom
# at exploration 0 and 5 (one thread, its own time) on the same numbers. Needs the VRP peer venv (.venv-peers).
# Usage: Benchmarks/vroom-short-budgets.sh [BUDGET_SECONDS…]   e.g. Benchmarks/vroom-short-budgets.sh 0.1 0.5
set -euo pipefail
cd "$(dirname "$0")/.."
budgets=("${@:-0.1 0.5}")
swift build -c release --product lastmile >/dev/null
results=.peers-results/vroom-short
mkdir -p "$results"
for budget in ${budgets[@]}; do
    .venv-peers/bin/python ../shared/peers/vrp/run_peers.py --set solomon --budget "$budget" --scale 1 --jobs 2 \
        --solvers lastmile,vroom0,vroom5 --objectives dist \
        --solver-cmd "lastmile=.venv-peers/bin/python Benchmarks/model-to-vroom.py {model} {workdir}/problem.json && \
.build/release/lastmile solve {workdir}/problem.json --time-limit {budget} --seed {seed} --threads 1 --format vrplib" \
        --results-dir "$results" --out "solomon_vroom_${budget}s.jsonl"
done
.venv-peers/bin/python ../shared/peers/vrp/summarize.py "$results"
