#!/usr/bin/env bash
# Solution quality through the peer harness (../shared/peers/vrp/run_peers.py): LastMile's `solve` as an external
# solver, checked and scored like PyVRP, OR-Tools and VROOM. Needs the VRP peer venv (.venv-peers, see
# ../shared/peers/README.md). Usage: [SEEDS="1 2 3"] Benchmarks/solver-peers.sh SET BUDGET [SOLVERS] [OBJECTIVES]
#   e.g. Benchmarks/solver-peers.sh solomon 5 lastmile hier,dist
#        SEEDS="1 2 3 4" Benchmarks/solver-peers.sh solomon 1 lastmile,pyvrp dist
# With several seeds, every seed is a whole run of the set, and Benchmarks/per-instance-means.py compares the
# solvers instance by instance on their means over the seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
set_name=${1:?instance set: solomon, homberger, x, …}; budget=${2:?seconds per run}
solvers=${3:-lastmile}; objectives=${4:-hier,dist}
seeds=${SEEDS:-1}
swift build -c release --product lastmile >/dev/null
bin="$PWD/.build/release/lastmile"
results=.peers-results/vrp
records="${set_name}_${budget}s.jsonl"
for seed in $seeds; do
    .venv-peers/bin/python ../shared/peers/vrp/run_peers.py --set "$set_name" --budget "$budget" --jobs 2 \
        --solvers "$solvers" --objectives "$objectives" --seed "$seed" \
        --solver-cmd "lastmile=$bin solve {instance} --time-limit {budget} --seed {seed} --objective {objective} --threads 1" \
        --results-dir "$results" --out "$records"
done
.venv-peers/bin/python ../shared/peers/vrp/summarize.py "$results"
if [[ "$solvers" == *pyvrp* ]]; then
    .venv-peers/bin/python Benchmarks/per-instance-means.py "$results/$records"
fi
