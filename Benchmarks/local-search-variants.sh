#!/usr/bin/env bash
# The local search's variants side by side with PyVRP in one run of the peer harness
# (../shared/peers/vrp/run_peers.py), one run at a time: the default, SWAP* off, penalised infeasibility on, and
# optionally a reference binary (BEFORE=path/to/lastmile, e.g. main's build). Release build.
# Usage: Benchmarks/local-search-variants.sh SET BUDGET OBJECTIVES [VARIANTS]
#   e.g. BEFORE=/work/main/.build/release/lastmile Benchmarks/local-search-variants.sh homberger 30 dist
#   VARIANTS (comma-separated, default all): before, lastmile, noswap, penalties, pyvrp
set -euo pipefail
cd "$(dirname "$0")/.."
set_name=${1:?instance set: solomon12, homberger, …}; budget=${2:?seconds per run}; objectives=${3:-dist}
variants=${4:-before,lastmile,noswap,penalties,pyvrp}
bin=${BIN:-$PWD/.build/release/lastmile}
[ -n "${BIN:-}" ] || swift build -c release --product lastmile >/dev/null
command="solve {instance} --time-limit {budget} --seed {seed} --objective {objective} --threads 1"
solvers=()
[[ ,$variants, == *,before,* ]] && [ -n "${BEFORE:-}" ] && solvers+=(--solver-cmd "before=$BEFORE $command")
solvers+=(--solver-cmd "lastmile=$bin $command")
solvers+=(--solver-cmd "noswap=$bin $command --no-swap-star")
solvers+=(--solver-cmd "penalties=$bin $command --penalties")
python=${PEERS_PYTHON:-.venv-peers/bin/python}
"$python" ../shared/peers/vrp/run_peers.py --set "$set_name" --budget "$budget" --jobs 1 \
    --solvers "$variants" --objectives "$objectives" "${solvers[@]}" \
    --results-dir .peers-results/local-search --out "${set_name}_${budget}s.jsonl"
