#!/usr/bin/env bash
# Solution quality through the peer harness (../shared/peers/vrp/run_peers.py): LastMile's `solve` as an external
# solver, checked and scored like PyVRP, OR-Tools and VROOM. Needs the VRP peer venv (.venv-peers, see
# ../shared/peers/README.md). Usage: Benchmarks/solver-peers.sh SET BUDGET [SOLVERS] [OBJECTIVES]
#   e.g. Benchmarks/solver-peers.sh solomon 5 lastmile hier,dist
set -euo pipefail
cd "$(dirname "$0")/.."
set_name=${1:?instance set: solomon, homberger, x, …}; budget=${2:?seconds per run}
solvers=${3:-lastmile}; objectives=${4:-hier,dist}
swift build -c release --product lastmile >/dev/null
bin="$PWD/.build/release/lastmile"
.venv-peers/bin/python ../shared/peers/vrp/run_peers.py --set "$set_name" --budget "$budget" --jobs 2 \
    --solvers "$solvers" --objectives "$objectives" \
    --solver-cmd "lastmile=$bin solve {instance} --time-limit {budget} --seed {seed} --objective {objective} --threads 1" \
    --results-dir .peers-results/vrp --out "${set_name}_${budget}s.jsonl"
.venv-peers/bin/python ../shared/peers/vrp/summarize.py .peers-results/vrp
